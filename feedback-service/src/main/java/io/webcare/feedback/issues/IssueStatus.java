package io.webcare.feedback.issues;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/** Where an issue stands; the wire names are the contract's ({@code in-progress}, ...). */
public enum IssueStatus {
    DETECTED("detected"),
    ACKNOWLEDGED("acknowledged"),
    IN_PROGRESS("in-progress"),
    RESOLVED("resolved"),
    DISMISSED("dismissed");

    private final String wire;

    IssueStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static IssueStatus ofWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + value));
    }

    /** Resolved and dismissed issues are closed: complaints no longer join them. */
    public boolean closed() {
        return this == RESOLVED || this == DISMISSED;
    }

    /** Statuses a product owner may set by hand from this one (resolving has its own call, with a message). */
    public Set<IssueStatus> next() {
        return switch (this) {
            case DETECTED -> Set.of(ACKNOWLEDGED, IN_PROGRESS, DISMISSED);
            case ACKNOWLEDGED -> Set.of(IN_PROGRESS, DISMISSED);
            case IN_PROGRESS -> Set.of(ACKNOWLEDGED, DISMISSED);
            case RESOLVED, DISMISSED -> Set.of();
        };
    }
}

package io.webcare.sla.clocks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.webcare.contract.events.SlaClock;
import java.time.Instant;
import java.util.UUID;

/** A clock as agents and analysts see it over REST. */
public record ClockView(
        UUID caseId,
        @JsonProperty("clock") SlaClock clock,
        String team,
        int priority,
        ClockStatus status,
        Instant startedAt,
        Instant warnAt,
        Instant dueAt) {

    static ClockView of(CaseClock c) {
        return new ClockView(c.id.caseId(), c.id.clock(), c.team, c.priority, c.status, c.startedAt, c.warnAt, c.dueAt);
    }
}

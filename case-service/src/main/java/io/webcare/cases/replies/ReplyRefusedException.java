package io.webcare.cases.replies;

import io.webcare.cases.replycheck.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** A reply that breaks a blocking webcare rule: refused with every finding, nothing sent or stored. */
public class ReplyRefusedException extends RuntimeException {
    private final transient List<Finding> findings;

    public ReplyRefusedException(List<Finding> findings) {
        super("The reply breaks " + findings.stream().filter(Finding::blocking).count() + " blocking webcare rule(s): "
                + findings.stream()
                        .filter(Finding::blocking)
                        .map(f -> f.rule() + " (\"" + f.words() + "\")")
                        .collect(Collectors.joining(", "))
                + ". Nothing was sent; change the reply and send it again.");
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}

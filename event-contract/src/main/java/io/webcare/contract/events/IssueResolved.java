package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code webcare.feedback.issue-resolved.v1} on {@code webcare.feedback}, keyed by issue id: the product owner
 * fixed the problem. case-service sends {@code customerMessage} to the customer of every linked case, once each, on
 * their own channel: the loop is closed.
 */
public record IssueResolved(
        UUID issueId,
        String productArea,
        String label,
        String customerMessage,
        List<UUID> caseIds,
        String resolvedBy,
        Instant resolvedAt) {}

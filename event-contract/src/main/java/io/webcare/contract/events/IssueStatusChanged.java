package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.feedback.issue-status-changed.v1} on {@code webcare.feedback}, keyed by issue id: the product
 * owner acknowledged, started, dismissed or reassigned an issue. Resolving is {@code webcare.feedback.issue-resolved.v1}.
 *
 * @param status one of {@code detected}, {@code acknowledged}, {@code in-progress}, {@code resolved}, {@code dismissed}
 */
public record IssueStatusChanged(
        UUID issueId,
        String productArea,
        String previousStatus,
        String status,
        String by,
        String note,
        Instant changedAt) {}

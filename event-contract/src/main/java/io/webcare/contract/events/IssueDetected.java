package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code webcare.feedback.issue-detected.v1} on {@code webcare.feedback}, keyed by issue id: a group of complaints
 * about the same problem passed its threshold and became an issue for the product owner of its area.
 *
 * @param label readable name of the problem: its characteristic terms
 * @param owner the product owner of the area (Keycloak username), null when the area has no owner configured
 */
public record IssueDetected(
        UUID issueId,
        String productArea,
        String owner,
        String label,
        List<String> terms,
        int complaintCount,
        List<UUID> caseIds,
        List<FeedbackSample> samples,
        Instant firstSeenAt,
        Instant detectedAt) {}

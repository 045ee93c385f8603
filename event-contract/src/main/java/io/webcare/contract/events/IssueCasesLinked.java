package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code webcare.feedback.issue-cases-linked.v1} on {@code webcare.feedback}, keyed by issue id: later complaints
 * about the same problem joined the existing issue.
 */
public record IssueCasesLinked(UUID issueId, List<UUID> caseIds, int complaintCount, Instant linkedAt) {}

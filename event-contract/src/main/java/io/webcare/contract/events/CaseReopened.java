package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.reopened.v1} on {@code webcare.cases}: a resolved case is open again, which starts a new
 * resolution target.
 *
 * @param reason {@code customer-message} (the customer wrote again within the reopen period) or {@code agent}
 * @param by the agent who reopened it, null when the customer's message did
 */
public record CaseReopened(
        UUID caseId, String team, int priority, String reason, String by, boolean boomerang, Instant reopenedAt) {}

package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.closed.v1} on {@code webcare.cases}: a resolved case can no longer be reopened (its reopen
 * period ended, or it was merged into another case).
 */
public record CaseClosed(UUID caseId, String team, String reason, Instant closedAt) {}

package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.merged.v1} on {@code webcare.cases}, keyed by the case that was merged away: a duplicate
 * case joined {@code intoCaseId}; its messages and history now belong there, and it is closed.
 */
public record CaseMerged(UUID caseId, UUID intoCaseId, String team, String mergedBy, Instant mergedAt) {}

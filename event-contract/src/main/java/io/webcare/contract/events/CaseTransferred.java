package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.transferred.v1} on {@code webcare.cases}: the case moved to another team. The SLA clocks
 * carry over unless {@code switchSlaPolicy} says the receiving team's policy applies from now on.
 */
public record CaseTransferred(
        UUID caseId,
        String fromTeam,
        String toTeam,
        String transferredBy,
        String reason,
        boolean switchSlaPolicy,
        Instant transferredAt) {}

package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.breached.v1} on {@code webcare.sla}, keyed by case id: a running clock passed its due time
 * (level 1) or a further escalation level of the policy (level 2 at 2x the target by default). Announced exactly once
 * per clock, target and level.
 */
public record SlaBreached(
        UUID caseId,
        SlaClock clock,
        String team,
        int priority,
        int policyVersion,
        int escalationLevel,
        Instant breachAt,
        Instant dueAt,
        Instant detectedAt) {}

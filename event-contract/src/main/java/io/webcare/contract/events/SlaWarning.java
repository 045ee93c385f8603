package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.warning.v1} on {@code webcare.sla}, keyed by case id: a running clock passed a warning
 * threshold of its target. Announced exactly once per clock, target and threshold.
 *
 * @param thresholdPercent the threshold that passed, e.g. 75
 * @param detectedAt when sla-service noticed; the lag behind {@code warnAt} is its detection lag
 */
public record SlaWarning(
        UUID caseId,
        SlaClock clock,
        String team,
        int priority,
        int policyVersion,
        int thresholdPercent,
        Instant warnAt,
        Instant dueAt,
        Instant detectedAt) {}

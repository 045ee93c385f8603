package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.clock-started.v1} on {@code webcare.sla}, keyed by case id.
 *
 * @param warnAt when a warning fires if the clock is still running (by default at 75 % of the target)
 */
public record SlaClockStarted(
        UUID caseId,
        SlaClock clock,
        String team,
        int priority,
        int policyVersion,
        Instant startedAt,
        Instant warnAt,
        Instant dueAt) {}

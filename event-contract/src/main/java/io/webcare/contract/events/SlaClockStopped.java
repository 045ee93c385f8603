package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.clock-stopped.v1} on {@code webcare.sla}, keyed by case id: a clock stopped (first reply
 * delivered, case resolved, customer answered). {@code met} is the "met" of architecture.md: stopped within target.
 *
 * @param elapsedBusinessSeconds the time the clock counted, in the team calendar's open time, pauses excluded
 */
public record SlaClockStopped(
        UUID caseId,
        SlaClock clock,
        String team,
        int priority,
        int policyVersion,
        Instant startedAt,
        Instant stoppedAt,
        Instant dueAt,
        long elapsedBusinessSeconds,
        boolean met) {}

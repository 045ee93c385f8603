package io.webcare.sla.clocks;

import io.webcare.contract.events.SlaClock;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock as agents and analysts see it over REST: its current target.
 *
 * @param target the number of the target (2 after a first reopen, for resolution)
 * @param countedMillis business milliseconds counted up to {@code runningSince} (or in all, when stopped)
 */
public record ClockView(
        UUID caseId,
        SlaClock clock,
        String team,
        int priority,
        int policyVersion,
        ClockStatus status,
        int target,
        Instant startedAt,
        Instant warnAt,
        Instant dueAt,
        long targetMillis,
        long countedMillis,
        Instant runningSince,
        Instant stoppedAt,
        int escalationLevel,
        Instant nextDueAt) {

    static ClockView of(CaseClock c) {
        return new ClockView(
                c.id.caseId(),
                c.id.clock(),
                c.team,
                c.priority,
                c.policyVersion,
                c.status,
                c.targetNo,
                c.startedAt,
                c.warnAt,
                c.dueAt,
                c.targetMillis,
                c.countedMillis,
                c.runningSince,
                c.stoppedAt,
                c.escalationLevel,
                c.nextDueAt);
    }
}

package io.webcare.sla.clocks;

import io.webcare.contract.events.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One service-level clock of one case, on its current target (a reopen or a new customer message starts a new target of
 * the same clock). While running it has counted {@code countedMillis} of business time up to {@code runningSince};
 * {@code nextDueAt} is when its next threshold falls due.
 */
@Entity
@Table(name = "sla_clock")
public class CaseClock {
    @EmbeddedId
    public ClockId id;

    /** The team that owns the case now (who may read the clock). */
    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public int priority;

    @Convert(converter = ChannelConverter.class)
    public Channel channel;

    /** The team whose policy the clock counts by; differs from {@code team} after a transfer that kept the clocks. */
    @Column(name = "policy_team", nullable = false)
    public String policyTeam;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockStatus status;

    @Column(name = "target_no", nullable = false)
    public int targetNo;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "target_millis", nullable = false)
    public long targetMillis;

    @Column(name = "counted_millis", nullable = false)
    public long countedMillis;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /** The highest threshold (percent of the target) already announced for this target. */
    @Column(name = "announced_percent", nullable = false)
    public int announcedPercent;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    /** First warning instant of the current target, as last computed; null when the policy has no warning. */
    @Column(name = "warn_at")
    public Instant warnAt;

    /** Due instant of the current target, as last computed (moves when a pause ends). */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    public boolean isRunning() {
        return runningSince != null;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    /** Until when the scheduler leaves this clock alone after announcing it failed; null when not held. */
    @Column(name = "held_until")
    public Instant heldUntil;

    /** Why the last announcement failed (for operators); null when not held. */
    @Column(name = "held_reason")
    public String heldReason;
}

package io.webcare.sla.clocks;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One service-level clock of one case. */
@Entity
@Table(name = "sla_clock")
public class CaseClock {
    @EmbeddedId
    public ClockId id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public int priority;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "warn_at", nullable = false)
    public Instant warnAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
}

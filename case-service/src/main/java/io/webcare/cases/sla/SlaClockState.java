package io.webcare.cases.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Read model of one SLA clock of a case, from webcare.sla: its due time and whether it runs. */
@Entity
@Table(name = "case_sla_clock")
@IdClass(SlaClockState.Key.class)
public class SlaClockState {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    public String clock;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(nullable = false)
    public boolean running;

    public record Key(UUID caseId, String clock) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}

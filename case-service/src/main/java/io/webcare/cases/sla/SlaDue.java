package io.webcare.cases.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The earliest due time among a case's running clocks: the queue's first sort key. Kept apart from the case row,
 * so that a clock event never collides with an agent's edit (optimistic locking). */
@Entity
@Table(name = "case_sla_due")
public class SlaDue {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "due_at")
    public Instant dueAt;
}

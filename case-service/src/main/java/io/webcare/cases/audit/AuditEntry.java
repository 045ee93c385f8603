package io.webcare.cases.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail of a case or a customer profile. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(columnDefinition = "text")
    public String detail;

    @Column(nullable = false)
    public Instant at;
}

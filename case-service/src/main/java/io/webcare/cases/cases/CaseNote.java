package io.webcare.cases.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An internal note on a case: for colleagues, never sent to the customer. */
@Entity
@Table(name = "case_note")
public class CaseNote {
    @Id
    @Column(name = "note_id")
    public UUID noteId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

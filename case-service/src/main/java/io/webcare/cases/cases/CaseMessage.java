package io.webcare.cases.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "case_message")
public class CaseMessage {
    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "author_handle")
    public String authorHandle;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}

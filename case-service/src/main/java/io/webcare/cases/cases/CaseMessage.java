package io.webcare.cases.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer message of a case, with what a reply to it needs (where, to whom, until when). */
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

    public String channel;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "thread_ref")
    public String threadRef;

    public String visibility;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "reply_window_closes_at")
    public Instant replyWindowClosesAt;

    public String language;

    public Double sentiment;

    @Column(name = "sentiment_label")
    public String sentimentLabel;

    /** The customer identity that wrote it (channel + platform id): contact history follows identity links. */
    @Column(name = "identity_kind")
    public String identityKind;

    @Column(name = "identity_value")
    public String identityValue;
}

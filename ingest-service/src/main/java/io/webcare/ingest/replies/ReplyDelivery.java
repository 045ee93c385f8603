package io.webcare.ingest.replies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What became of one reply: the record that keeps a redelivered request from posting twice. */
@Entity
@Table(name = "reply_delivery")
public class ReplyDelivery {
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "conversation_key", nullable = false)
    public String conversationKey;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "platform_message_id")
    public String platformMessageId;

    public String reason;

    public String detail;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}

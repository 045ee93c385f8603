package io.webcare.ingest.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message accepted at the edge; its (channel, account, external id) is what makes a redelivery a duplicate. */
@Entity
@Table(name = "received_message")
public class ReceivedMessage {
    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(nullable = false)
    public String channel;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "conversation_key", nullable = false)
    public String conversationKey;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}

package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message from a customer, normalised from whatever channel delivered it. Event {@code
 * webcare.message.received.v1} on {@code webcare.messages.inbound}, keyed by {@code conversationKey}.
 *
 * @param messageId Webcare's id of the message, assigned once at ingest (a redelivery keeps it)
 * @param conversationKey the thread this message belongs to; the Kafka key that keeps a conversation in order
 * @param replyWindowClosesAt when the platform stops accepting free-form replies (WhatsApp, Messenger), else null
 */
public record InboundMessage(
        UUID messageId,
        String conversationKey,
        Channel channel,
        String accountId,
        String externalId,
        String threadRef,
        Visibility visibility,
        Author author,
        String text,
        List<Media> media,
        Instant sentAt,
        Instant receivedAt,
        Instant replyWindowClosesAt) {}

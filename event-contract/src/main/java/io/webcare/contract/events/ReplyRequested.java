package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.reply.requested.v1} on {@code webcare.replies.outbound}, keyed by conversation key: a reply that
 * passed the reply check and is to be delivered to the channel by ingest-service.
 *
 * @param replyId Webcare's id of the reply; the delivery event carries it back, and a redelivery is sent once
 * @param accountId our account to reply from; null where the message named none (contact-centre contacts)
 * @param threadRef the thread or post to reply in; null where the channel has no threads (WhatsApp, phone, e-mail)
 * @param inReplyToExternalId the platform's id of the customer message answered (comment or tweet to reply under)
 * @param recipientId the platform's id of the customer (X user id, Messenger PSID, Instagram IGSID, WhatsApp number)
 * @param template an approved message template to send when the platform's reply window has closed, else null
 * @param replyWindowClosesAt when the platform stops accepting free-form replies (WhatsApp, Messenger), else null
 */
public record ReplyRequested(
        UUID replyId,
        UUID caseId,
        String conversationKey,
        Channel channel,
        String accountId,
        String threadRef,
        String inReplyToExternalId,
        Visibility visibility,
        String recipientId,
        String text,
        String template,
        Instant replyWindowClosesAt,
        String agent,
        Instant requestedAt) {}

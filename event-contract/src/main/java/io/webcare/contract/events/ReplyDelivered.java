package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.reply.delivered.v1} on {@code webcare.replies.delivery}, keyed by conversation key: the platform
 * accepted the reply.
 *
 * @param platformMessageId the platform's id of the posted reply (tweet id, comment id, message id)
 * @param attempts how many calls it took, 1 upwards
 */
public record ReplyDelivered(
        UUID replyId,
        UUID caseId,
        String conversationKey,
        Channel channel,
        String platformMessageId,
        int attempts,
        Instant deliveredAt) {}

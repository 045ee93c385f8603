package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.reply.failed.v1} on {@code webcare.replies.delivery}, keyed by conversation key: the reply was not
 * delivered and will not be retried.
 *
 * @param reason a stable code: {@code reply-window-closed}, {@code rejected}, {@code unreachable},
 *     {@code unsupported-channel}, {@code not-configured}, {@code outcome-unknown} (called, answer lost: may have been posted)
 * @param detail what the platform or the adapter said, for the agent
 */
public record ReplyFailed(
        UUID replyId,
        UUID caseId,
        String conversationKey,
        Channel channel,
        String reason,
        String detail,
        int attempts,
        Instant failedAt) {}

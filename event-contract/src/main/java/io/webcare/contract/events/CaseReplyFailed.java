package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.reply-failed.v1} on {@code webcare.cases}: an agent's reply could not be delivered; the
 * agent sees why on the case. No clock stops.
 */
public record CaseReplyFailed(
        UUID caseId, UUID replyId, String team, String agent, Channel channel, String reason, Instant failedAt) {}

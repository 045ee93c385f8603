package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.replied.v1} on {@code webcare.cases}: an agent's reply was delivered to the channel. The
 * first one stops the first-response clock (architecture.md, SLA semantics).
 *
 * @param firstResponse true for the first delivered agent reply of the case
 */
public record CaseReplied(
        UUID caseId,
        UUID replyId,
        String team,
        String agent,
        Channel channel,
        Visibility visibility,
        boolean firstResponse,
        Instant requestedAt,
        Instant deliveredAt) {}

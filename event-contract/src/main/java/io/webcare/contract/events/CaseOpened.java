package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Event {@code webcare.case.opened.v1} on {@code webcare.cases}, keyed by case id. */
public record CaseOpened(
        UUID caseId,
        String conversationKey,
        String team,
        int priority,
        Channel channel,
        String customerHandle,
        UUID firstMessageId,
        Intent intent,
        List<String> topics,
        boolean slaApplies,
        Instant firstMessageAt,
        Instant openedAt) {}

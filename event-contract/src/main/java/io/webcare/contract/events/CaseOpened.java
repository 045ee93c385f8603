package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code webcare.case.opened.v1} on {@code webcare.cases}, keyed by case id.
 *
 * @param customerId case-service's customer profile the case belongs to (linked identities across channels)
 * @param boomerangOf the earlier case when the customer came back about the same topic, else null
 */
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
        Instant openedAt,
        UUID customerId,
        UUID boomerangOf) {}

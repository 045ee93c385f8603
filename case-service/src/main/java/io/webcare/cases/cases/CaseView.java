package io.webcare.cases.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case as agents see it over REST. */
public record CaseView(
        UUID caseId,
        String team,
        int priority,
        CaseStatus status,
        String channel,
        String conversationKey,
        String customerHandle,
        String intent,
        boolean slaApplies,
        Instant firstMessageAt,
        Instant openedAt,
        int version,
        List<MessageView> messages) {

    public record MessageView(UUID messageId, String authorHandle, String text, Instant sentAt, Instant receivedAt) {}

    static CaseView of(SupportCase c, List<CaseMessage> messages) {
        return new CaseView(
                c.caseId,
                c.team,
                c.priority,
                c.status,
                c.channel,
                c.conversationKey,
                c.customerHandle,
                c.intent,
                c.slaApplies,
                c.firstMessageAt,
                c.openedAt,
                c.version,
                messages.stream()
                        .map(m -> new MessageView(m.messageId, m.authorHandle, m.text, m.sentAt, m.receivedAt))
                        .toList());
    }
}

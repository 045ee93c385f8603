package io.webcare.sla.support;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.contract.events.Sentiment;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.TestEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Case and message events as case-service and routing-service publish them. */
public final class CaseEvents {
    private CaseEvents() {}

    public static CaseOpened opened(String team, Channel channel, Instant firstMessageAt) {
        UUID caseId = UUID.randomUUID();
        Instant at = firstMessageAt.truncatedTo(ChronoUnit.MILLIS);
        return new CaseOpened(
                caseId,
                channel.wireName() + ":acme:" + caseId,
                team,
                2,
                channel,
                "@klant",
                UUID.randomUUID(),
                Intent.COMPLAINT,
                List.of("billing"),
                true,
                at,
                at,
                UUID.randomUUID(),
                null);
    }

    public static void publish(EventType type, UUID caseId, Record event) {
        TestEvents.publish(type, caseId.toString(), event);
    }

    public static MessageRouted routed(UUID messageId, String conversationKey, Instant receivedAt, Instant closesAt) {
        var message = new InboundMessage(
                messageId,
                conversationKey,
                Channel.WHATSAPP,
                "acme",
                "wamid." + messageId,
                null,
                Visibility.PRIVATE,
                new Author("31612345678", "31612345678", "Klant", 0, false),
                "Mijn factuur klopt niet",
                List.of(),
                receivedAt,
                receivedAt,
                closesAt);
        return new MessageRouted(
                message,
                new MessageAnalysis(
                        "nl",
                        new Sentiment(-0.4, "negative", List.of("klopt niet")),
                        Intent.COMPLAINT,
                        List.of(),
                        List.of("billing"),
                        new Reach(0, false, false)),
                new RoutingDecision("complaints", 2, true, List.of(), "complaint", List.of("complaint")),
                receivedAt);
    }
}

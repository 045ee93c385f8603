package io.webcare.contract;

import io.webcare.contract.events.Author;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.contract.events.Sentiment;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Realistic payloads of every event type: one with every field filled, one with every nullable field null. The switch
 * is exhaustive, so a new {@link EventType} does not compile until it has samples here.
 */
final class ContractSamples {
    private static final UUID CASE_ID = UUID.fromString("6f1c2a52-4d1e-4b7a-9d0e-2f5b8c3a1e77");
    private static final UUID MESSAGE_ID = UUID.fromString("0b8e5d1a-9c3f-4e2b-8a71-5d6c4f3e2a10");
    private static final Instant SENT = Instant.parse("2025-03-14T09:41:07Z");
    private static final Instant RECEIVED = Instant.parse("2025-03-14T09:41:09.123456Z");

    private ContractSamples() {}

    static Record full(EventType type) {
        return switch (type) {
            case MESSAGE_RECEIVED -> inboundMessage(false);
            case MESSAGE_ROUTED -> messageRouted(false);
            case CASE_OPENED ->
                new CaseOpened(
                        CASE_ID,
                        "x:1899045124712345678",
                        "complaints",
                        1,
                        Channel.X,
                        "@annevdberg",
                        MESSAGE_ID,
                        Intent.COMPLAINT,
                        List.of("network", "outage"),
                        true,
                        RECEIVED,
                        Instant.parse("2025-03-14T09:41:10.500Z"),
                        UUID.fromString("a4d2c1e0-7b3f-4c59-8e1a-2f6b9d0c3e45"),
                        null);
            case CASE_MESSAGE_ADDED ->
                new CaseMessageAdded(
                        CASE_ID,
                        UUID.fromString("3c9a7b2e-1f4d-4c8e-b6a5-7e2d9f0c1b34"),
                        "complaints",
                        Instant.parse("2025-03-14T10:02:31Z"),
                        Instant.parse("2025-03-14T10:02:31.870Z"));
            case SLA_CLOCK_STARTED ->
                new SlaClockStarted(
                        CASE_ID,
                        SlaClock.FIRST_RESPONSE,
                        "complaints",
                        1,
                        3,
                        RECEIVED,
                        Instant.parse("2025-03-14T10:26:09.123456Z"),
                        Instant.parse("2025-03-14T10:41:09.123456Z"));
            default -> throw new IllegalStateException("TODO(contract helper): samples for " + type);
        };
    }

    /** The same event with every field the schema allows to be null set to null (the others as in {@link #full}). */
    static Record withNulls(EventType type) {
        return switch (type) {
            case MESSAGE_RECEIVED -> inboundMessage(true);
            case MESSAGE_ROUTED -> messageRouted(true);
            case CASE_OPENED, CASE_MESSAGE_ADDED, SLA_CLOCK_STARTED -> full(type); // nothing nullable
            default -> throw new IllegalStateException("TODO(contract helper): samples for " + type);
        };
    }

    private static InboundMessage inboundMessage(boolean nulls) {
        return new InboundMessage(
                MESSAGE_ID,
                "x:1899045124712345678",
                Channel.X,
                nulls ? null : "webcare_nl",
                "1899045124712399999",
                nulls ? null : "1899045124712345678",
                Visibility.PUBLIC,
                new Author(
                        nulls ? null : "1456789012", "@annevdberg", nulls ? null : "Anne van den Berg", 48_210, true),
                "@provider al 3 uur geen internet in Utrecht, niet leuk. Wanneer is dit opgelost?",
                List.of(new Media("image", "https://pbs.twimg.com/media/GAbc123.jpg")),
                nulls ? null : SENT,
                RECEIVED,
                nulls ? null : Instant.parse("2025-03-15T09:41:07Z"));
    }

    private static MessageRouted messageRouted(boolean nulls) {
        return new MessageRouted(
                inboundMessage(nulls),
                new MessageAnalysis(
                        nulls ? null : "nl",
                        new Sentiment(-0.72, "negative", List.of("niet leuk", "geen internet")),
                        Intent.COMPLAINT,
                        List.of("outage"),
                        List.of("network", "outage"),
                        new Reach(48_210, true, true)),
                new RoutingDecision(
                        "complaints",
                        1,
                        true,
                        List.of("high-reach"),
                        "outage-high-reach",
                        List.of("intent complaint -> complaints", "signal outage and 48210 followers -> priority 1")),
                Instant.parse("2025-03-14T09:41:09.802Z"));
    }
}

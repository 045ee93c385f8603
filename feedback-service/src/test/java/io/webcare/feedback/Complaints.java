package io.webcare.feedback;

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
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Routed complaints and their cases, published the way routing-service and case-service do. */
public final class Complaints {
    private static final Random RANDOM = new Random();

    private Complaints() {}

    /** A made-up word nobody else uses: keeps one test's complaints in a group of their own. */
    public static String uniqueWord() {
        String letters = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            word.append(letters.charAt(RANDOM.nextInt(letters.length())))
                    .append(vowels.charAt(RANDOM.nextInt(vowels.length())));
        }
        return word.toString();
    }

    public static MessageRouted complaint(String text, String language, List<String> topics) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        var message = new InboundMessage(
                id,
                "x:acme:dm:" + id,
                Channel.X,
                "acme",
                "t-" + id,
                null,
                Visibility.PUBLIC,
                new Author(null, "@klant" + RANDOM.nextInt(1_000_000), null, 10, false),
                text,
                List.of(),
                now,
                now,
                null);
        var analysis = new MessageAnalysis(
                language,
                new Sentiment(-0.5, "negative", List.of()),
                Intent.COMPLAINT,
                List.of(),
                topics,
                new Reach(10, false, true));
        return new MessageRouted(
                message, analysis, new RoutingDecision("complaints", 2, true, List.of(), "r", List.of()), now);
    }

    public static void publish(MessageRouted routed) {
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed);
    }

    /** case-service opens a case for the complaint; returns the case id. */
    public static UUID openCase(MessageRouted routed) {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        var opened = new CaseOpened(
                caseId,
                routed.message().conversationKey(),
                "complaints",
                2,
                Channel.X,
                routed.message().author().handle(),
                routed.message().messageId(),
                Intent.COMPLAINT,
                routed.analysis().topics(),
                true,
                routed.message().receivedAt(),
                now,
                UUID.randomUUID(),
                null);
        TestEvents.publish(EventType.CASE_OPENED, caseId.toString(), opened);
        return caseId;
    }
}

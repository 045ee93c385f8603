package io.webcare.cases.satisfaction;

import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.caseOf;
import static io.webcare.cases.support.CaseFixtures.command;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class SatisfactionFromTheCustomersReplyTest {
    private static final String TEAM = "complaints";
    private static final String AGENT = TestTokens.agent(TEAM);
    private static final String NL_CSAT_QUESTION = "Hoe tevreden ben je over onze hulp? Antwoord met een cijfer van 1"
            + " (helemaal niet) tot 5 (heel tevreden).";

    @Test
    void aCustomerWhoAnswersFourOutOfFiveAfterTheResolutionGetsACsatOfFourRecordedOnceAndTheCaseStaysResolved() {
        String conversation = conversation();
        Author customer = author("u-csat1");
        UUID caseId = deliver(routed(conversation, customer, TEAM, "Mijn pakket is kwijt", List.of()), TEAM);
        resolveAskingSatisfaction(caseId);

        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            ReplyRequested question = outbound.<ReplyRequested>await(
                            EventType.REPLY_REQUESTED, r -> r.caseId().equals(caseId))
                    .payload();
            assertThat(question.text()).as("the Dutch CSAT question").isEqualTo(NL_CSAT_QUESTION);
            assertThat(question.channel()).isEqualTo(Channel.X);
        }
        assertThat(CaseFixtures.get(caseId, AGENT).getString("replies[0].kind")).isEqualTo("survey");

        MessageRouted answer = routed(conversation, customer, TEAM, "4/5", List.of());
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, answer);
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, answer); // delivered again, a new event id
        assertThat(caseOf(answer.message().messageId(), TEAM)).isEqualTo(caseId);

        try (var events = EventCapture.of(Topics.CASES)) {
            CaseSatisfactionRecorded recorded = events.<CaseSatisfactionRecorded>await(
                            EventType.CASE_SATISFACTION_RECORDED,
                            s -> s.caseId().equals(caseId))
                    .payload();
            assertThat(recorded.scale()).isEqualTo("csat");
            assertThat(recorded.score()).isEqualTo(4);
            assertThat(recorded.source()).isEqualTo("customer-reply");
            assertThat(events.allAfter(
                            Duration.ofSeconds(2),
                            EventType.CASE_SATISFACTION_RECORDED,
                            (CaseSatisfactionRecorded s) -> s.caseId().equals(caseId)))
                    .hasSize(1);
            assertThat(events.allAfter(Duration.ZERO, EventType.CASE_REOPENED, (CaseReopened r) -> r.caseId()
                            .equals(caseId)))
                    .isEmpty();
        }
        var view = CaseFixtures.get(caseId, AGENT);
        assertThat(view.getString("status")).isEqualTo("resolved");
        assertThat(view.getInt("reopenCount")).isZero();
        assertThat(view.getList("satisfaction")).hasSize(1);
        assertThat(view.getInt("satisfaction[0].score")).isEqualTo(4);
        assertThat(view.getString("satisfaction[0].messageId"))
                .isEqualTo(answer.message().messageId().toString());
        assertThat(view.getList("messages.text", String.class)).contains("4/5");
    }

    @Test
    void aCustomerWhoAnswersStillBrokenReopensTheCase() {
        String conversation = conversation();
        Author customer = author("u-csat2");
        UUID caseId = deliver(routed(conversation, customer, TEAM, "De app crasht", List.of()), TEAM);
        resolveAskingSatisfaction(caseId);

        TestEvents.publish(
                EventType.MESSAGE_ROUTED,
                conversation,
                routed(conversation, customer, TEAM, "still broken", List.of()));

        try (var events = EventCapture.of(Topics.CASES)) {
            events.<CaseReopened>await(EventType.CASE_REOPENED, r -> r.caseId().equals(caseId));
            assertThat(events.allAfter(
                            Duration.ofSeconds(1),
                            EventType.CASE_SATISFACTION_RECORDED,
                            (CaseSatisfactionRecorded s) -> s.caseId().equals(caseId)))
                    .isEmpty();
        }
        assertThat(CaseFixtures.get(caseId, AGENT).getString("status")).isIn("new", "assigned");
    }

    @Test
    void onWhatsAppInDutchTheNpsQuestionIsAskedAndEenAchtIsRecordedAsAnNpsOfEight() {
        String conversation = "whatsapp:acme:" + UUID.randomUUID();
        Author customer = author("31611122233");
        Instant windowOpen = Instant.now().plus(Duration.ofHours(20));
        UUID caseId = deliver(whatsApp(conversation, customer, "Mijn factuur klopt niet", windowOpen), TEAM);
        resolveAskingSatisfaction(caseId);
        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            ReplyRequested question = outbound.<ReplyRequested>await(
                            EventType.REPLY_REQUESTED, r -> r.caseId().equals(caseId))
                    .payload();
            assertThat(question.text()).contains("aanraadt").contains("0 tot 10");
            assertThat(question.visibility()).isEqualTo(Visibility.PRIVATE);
        }

        TestEvents.publish(
                EventType.MESSAGE_ROUTED, conversation, whatsApp(conversation, customer, "een 8", windowOpen));

        try (var events = EventCapture.of(Topics.CASES)) {
            CaseSatisfactionRecorded recorded = events.<CaseSatisfactionRecorded>await(
                            EventType.CASE_SATISFACTION_RECORDED,
                            s -> s.caseId().equals(caseId))
                    .payload();
            assertThat(recorded.scale()).isEqualTo("nps");
            assertThat(recorded.score()).isEqualTo(8);
        }
        assertThat(CaseFixtures.get(caseId, AGENT).getString("status")).isEqualTo("resolved");
    }

    @Test
    void whenNoQuestionWasAskedAScoreLikeMessageStillReopensTheCase() {
        String conversation = conversation();
        Author customer = author("u-csat3");
        UUID caseId = deliver(routed(conversation, customer, TEAM, "Waar blijft mijn retour?", List.of()), TEAM);
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "answered"))
                .then()
                .statusCode(200);

        TestEvents.publish(
                EventType.MESSAGE_ROUTED, conversation, routed(conversation, customer, TEAM, "5", List.of()));

        try (var events = EventCapture.of(Topics.CASES)) {
            events.<CaseReopened>await(EventType.CASE_REOPENED, r -> r.caseId().equals(caseId));
        }
    }

    @Test
    void someoneElseAnsweringInThePublicThreadIsNoScoreOfTheCustomer() {
        String conversation = conversation();
        UUID caseId = deliver(routed(conversation, author("u-csat4"), TEAM, "Storing?", List.of()), TEAM);
        resolveAskingSatisfaction(caseId);

        TestEvents.publish(
                EventType.MESSAGE_ROUTED,
                conversation,
                routed(conversation, author("u-bystander"), TEAM, "1", List.of()));

        try (var events = EventCapture.of(Topics.CASES)) {
            events.<CaseReopened>await(EventType.CASE_REOPENED, r -> r.caseId().equals(caseId));
            assertThat(events.allAfter(
                            Duration.ofSeconds(1),
                            EventType.CASE_SATISFACTION_RECORDED,
                            (CaseSatisfactionRecorded s) -> s.caseId().equals(caseId)))
                    .isEmpty();
        }
    }

    private static void resolveAskingSatisfaction(UUID caseId) {
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "answered", "askSatisfaction", true))
                .then()
                .statusCode(200);
    }

    private static MessageRouted whatsApp(String conversation, Author customer, String text, Instant windowClosesAt) {
        return routed(
                conversation,
                customer,
                TEAM,
                text,
                List.of(),
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                3,
                -0.3,
                windowClosesAt);
    }
}

package io.webcare.cases.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.CaseMessageAdded;
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
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class CaseOpeningTest {

    static MessageRouted routedComplaint(String conversationKey, String text) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        var message = new InboundMessage(
                id,
                conversationKey,
                Channel.X,
                "acme",
                "tweet-" + id,
                null,
                Visibility.PUBLIC,
                new Author("u-9", "@marieke", "Marieke", 40_000, false),
                text,
                List.of(),
                now,
                now,
                null);
        var analysis = new MessageAnalysis(
                "nl",
                new Sentiment(-0.7, "negative", List.of("storing")),
                Intent.COMPLAINT,
                List.of("outage"),
                List.of("internet"),
                new Reach(40_000, false, true));
        var decision = new RoutingDecision(
                "complaints", 1, true, List.of("communications"), "high-reach-public-complaint", List.of("reach"));
        return new MessageRouted(message, analysis, decision, now);
    }

    @Test
    void routedComplaintOpensACaseForTheComplaintTeam() {
        MessageRouted routed = routedComplaint("x:acme:post:" + UUID.randomUUID(), "Storing in Utrecht, al 3 dagen!");
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed);

        CaseOpened opened;
        try (var caseEvents = EventCapture.of(Topics.CASES)) {
            var event = caseEvents.<CaseOpened>await(EventType.CASE_OPENED, c -> c.firstMessageId()
                    .equals(routed.message().messageId()));
            opened = event.payload();
            assertThat(event.key()).isEqualTo(opened.caseId().toString());
        }
        assertThat(opened.team()).isEqualTo("complaints");
        assertThat(opened.priority()).isEqualTo(1);
        assertThat(opened.slaApplies()).isTrue();

        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .get("/api/v1/cases/{id}", opened.caseId())
                .then()
                .statusCode(200)
                .body("team", equalTo("complaints"))
                .body("status", equalTo("new"))
                .body("messages", hasSize(1))
                .body("messages[0].text", equalTo("Storing in Utrecht, al 3 dagen!"));
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .queryParam("messageId", routed.message().messageId())
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.caseId", equalTo(List.of(opened.caseId().toString())));
    }

    @Test
    void aFurtherMessageInTheSameConversationJoinsTheOpenCase() {
        String conversation = "x:acme:thread:" + UUID.randomUUID();
        MessageRouted first = routedComplaint(conversation, "Mijn factuur is te hoog");
        MessageRouted second = routedComplaint(conversation, "Nog steeds geen antwoord?");
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, first);
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, second);

        try (var caseEvents = EventCapture.of(Topics.CASES)) {
            CaseOpened opened = caseEvents
                    .<CaseOpened>await(
                            EventType.CASE_OPENED, c -> c.conversationKey().equals(conversation))
                    .payload();
            CaseMessageAdded added = caseEvents
                    .<CaseMessageAdded>await(EventType.CASE_MESSAGE_ADDED, a -> a.messageId()
                            .equals(second.message().messageId()))
                    .payload();
            assertThat(added.caseId()).isEqualTo(opened.caseId());
            assertThat(caseEvents.allAfter(
                            Duration.ofSeconds(1), EventType.CASE_OPENED, (CaseOpened c) -> c.conversationKey()
                                    .equals(conversation)))
                    .hasSize(1);
        }
    }

    @Test
    void theSameRoutedEventDeliveredTwiceOpensOneCase() {
        MessageRouted routed = routedComplaint("x:acme:post:" + UUID.randomUUID(), "Pakket kwijt");
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed, eventId);
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed, eventId);
        // A replay of the same message under a new event id is recognised by the message id.
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed);

        try (var caseEvents = EventCapture.of(Topics.CASES)) {
            caseEvents.await(EventType.CASE_OPENED, (CaseOpened c) -> c.firstMessageId()
                    .equals(routed.message().messageId()));
            assertThat(caseEvents.allAfter(
                            Duration.ofSeconds(2), EventType.CASE_OPENED, (CaseOpened c) -> c.firstMessageId()
                                    .equals(routed.message().messageId())))
                    .hasSize(1);
        }
    }

    @Test
    void casesAreVisibleToTheirOwnTeamOnly() {
        MessageRouted routed = routedComplaint("x:acme:post:" + UUID.randomUUID(), "Mijn router is kapot");
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed);
        UUID caseId;
        try (var caseEvents = EventCapture.of(Topics.CASES)) {
            caseId = caseEvents
                    .<CaseOpened>await(EventType.CASE_OPENED, c -> c.firstMessageId()
                            .equals(routed.message().messageId()))
                    .payload()
                    .caseId();
        }
        given().get("/api/v1/cases/{id}", caseId).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.productOwner("billing"))
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .get("/api/v1/cases/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}

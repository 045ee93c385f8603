package io.webcare.feedback.complaints;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.events.Author;
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
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ComplaintCountingTest {

    static MessageRouted routed(Intent intent, String topic) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        var message = new InboundMessage(
                id,
                "x:acme:post:" + id,
                Channel.X,
                "acme",
                "t-" + id,
                null,
                Visibility.PUBLIC,
                new Author(null, "@klant", null, 10, false),
                "text",
                List.of(),
                now,
                now,
                null);
        var analysis = new MessageAnalysis(
                "en",
                new Sentiment(-0.5, "negative", List.of()),
                intent,
                List.of(),
                List.of(topic),
                new Reach(10, false, true));
        var team = intent == Intent.COMPLAINT ? "complaints" : "webcare";
        return new MessageRouted(message, analysis, new RoutingDecision(team, 2, true, List.of(), "r", List.of()), now);
    }

    private static long count(String topic) {
        List<Number> counts = given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/complaints/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.topic == '" + topic + "' }.count");
        return counts.isEmpty() ? 0 : counts.getFirst().longValue();
    }

    @Test
    void routedComplaintsAreCountedPerTopicOnceEachAndQuestionsAreNot() {
        String topic = "topic-" + UUID.randomUUID();
        MessageRouted first = routed(Intent.COMPLAINT, topic);
        UUID firstEvent = UUID.randomUUID();
        TestEvents.publish(EventType.MESSAGE_ROUTED, first.message().conversationKey(), first, firstEvent);
        TestEvents.publish(EventType.MESSAGE_ROUTED, first.message().conversationKey(), first, firstEvent);
        TestEvents.publish(EventType.MESSAGE_ROUTED, "k", routed(Intent.QUESTION, topic));
        MessageRouted second = routed(Intent.COMPLAINT, topic);
        TestEvents.publish(EventType.MESSAGE_ROUTED, second.message().conversationKey(), second);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(topic) >= 2);
        // The records have different keys, so partitions may be read in any order: give a late duplicate or the
        // question time to be (wrongly) counted before asserting the exact figure.
        Awaitility.await()
                .pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> true);
        assertThat(count(topic)).isEqualTo(2);
    }

    @Test
    void countsAreForAnalystsLeadsAndProductOwnersOnly() {
        given().get("/api/v1/complaints/counts").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .get("/api/v1/complaints/counts")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.productOwner("billing"))
                .get("/api/v1/complaints/counts")
                .then()
                .statusCode(200);
    }
}

package io.webcare.cases.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Routed messages as routing-service publishes them, and the REST calls the tests make about their cases. */
public final class CaseFixtures {
    private CaseFixtures() {}

    public static Author author(String id) {
        return new Author(id, "@" + id, "Customer " + id, 120, false);
    }

    public static MessageRouted routed(
            String conversationKey, Author author, String team, String text, List<String> topics) {
        return routed(conversationKey, author, team, text, topics, Channel.X, Visibility.PUBLIC, 3, -0.5, null);
    }

    public static MessageRouted routed(
            String conversationKey,
            Author author,
            String team,
            String text,
            List<String> topics,
            Channel channel,
            Visibility visibility,
            int priority,
            double sentiment,
            Instant replyWindowClosesAt) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        var message = new InboundMessage(
                id,
                conversationKey,
                channel,
                "acme",
                "ext-" + id,
                "thread-" + conversationKey.hashCode(),
                visibility,
                author,
                text,
                List.of(),
                now,
                now,
                replyWindowClosesAt);
        var analysis = new MessageAnalysis(
                "nl",
                new Sentiment(sentiment, sentiment < 0 ? "negative" : "positive", List.of()),
                Intent.COMPLAINT,
                List.of(),
                topics,
                new Reach(author.followers(), author.verified(), visibility == Visibility.PUBLIC));
        var decision = new RoutingDecision(team, priority, true, List.of(), "test-rule", List.of("test"));
        return new MessageRouted(message, analysis, decision, now);
    }

    public static String conversation() {
        return "x:acme:thread:" + UUID.randomUUID();
    }

    /** Publishes the routed message and waits until its case is visible to an agent of {@code team}. */
    public static UUID deliver(MessageRouted routed, String team) {
        TestEvents.publish(EventType.MESSAGE_ROUTED, routed.message().conversationKey(), routed);
        return caseOf(routed.message().messageId(), team);
    }

    public static UUID caseOf(UUID messageId, String team) {
        String token = TestTokens.agent(team);
        return await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().auth()
                                .oauth2(token)
                                .queryParam("messageId", messageId)
                                .get("/api/v1/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items.caseId", String.class),
                        ids -> !ids.isEmpty())
                .stream()
                .map(UUID::fromString)
                .findFirst()
                .orElseThrow();
    }

    public static JsonPath get(UUID caseId, String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static String etag(UUID caseId, String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** A command on a case with the version the caller just read. */
    public static Response command(UUID caseId, String token, String action, Map<String, ?> body) {
        var request = given().auth()
                .oauth2(token)
                .header("If-Match", etag(caseId, TestTokens.analyst()))
                .contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/cases/{id}/" + action, caseId);
    }
}

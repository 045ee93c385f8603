package io.webcare.ingest.messages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.CapturedEvent;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class MessagePushTest {

    private static String complaint(String externalId) {
        return """
                {"channel":"x","accountId":"acme","externalId":"%s","visibility":"public",
                 "author":{"id":"u-1","handle":"@jan","name":"Jan de Vries","followers":40000,"verified":false},
                 "text":"Al drie dagen geen internet in Utrecht, dit is echt niet ok @acme",
                 "sentAt":"2026-11-23T10:15:00Z"}"""
                .formatted(externalId);
    }

    @Test
    void complaintPushedByContactCentreIsPublishedAsOneNormalisedInboundMessage() {
        String externalId = "tweet-" + UUID.randomUUID();
        String messageId = given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(complaint(externalId))
                .post("/api/v1/messages")
                .then()
                .statusCode(202)
                .body("duplicate", equalTo(false))
                .extract()
                .path("messageId");

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            CapturedEvent<InboundMessage> event = inbound.await(
                    EventType.MESSAGE_RECEIVED,
                    (InboundMessage m) -> m.messageId().toString().equals(messageId));
            InboundMessage message = event.payload();
            assertThat(message.channel()).isEqualTo(Channel.X);
            assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(message.author().followers()).isEqualTo(40_000);
            assertThat(message.conversationKey()).isEqualTo("x:acme:post:" + externalId);
            assertThat(message.replyWindowClosesAt())
                    .as("public posts have no reply window")
                    .isNull();
            assertThat(event.key()).isEqualTo(message.conversationKey());
            assertThat(event.cloudEvent().source()).isEqualTo("/webcare/ingest-service");
        }
    }

    @Test
    void whatsappMessageCarriesTheCloseOfItsReplyWindow() {
        String body =
                """
                {"channel":"whatsapp","accountId":"acme","externalId":"wamid-%s","visibility":"private",
                 "author":{"id":"31612345678","handle":"+31612345678","name":"Fatima","followers":0,"verified":false},
                 "text":"Hoi, mijn factuur klopt niet", "sentAt":"2026-11-23T08:00:00Z"}"""
                        .formatted(UUID.randomUUID());
        String messageId = given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/messages")
                .then()
                .statusCode(202)
                .extract()
                .path("messageId");
        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            InboundMessage message = inbound.<InboundMessage>await(
                            EventType.MESSAGE_RECEIVED,
                            m -> m.messageId().toString().equals(messageId))
                    .payload();
            assertThat(message.replyWindowClosesAt()).isEqualTo(message.sentAt().plus(24, ChronoUnit.HOURS));
            assertThat(message.conversationKey()).isEqualTo("whatsapp:acme:author:31612345678");
        }
    }

    @Test
    void sameDeliveryTwiceIsPublishedOnce() {
        String externalId = "tweet-" + UUID.randomUUID();
        String first = given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(complaint(externalId))
                .post("/api/v1/messages")
                .then()
                .statusCode(202)
                .extract()
                .path("messageId");
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(complaint(externalId))
                .post("/api/v1/messages")
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("messageId", equalTo(first));

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            List<CapturedEvent<InboundMessage>> published = inbound.allAfter(
                    Duration.ofSeconds(2), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                            .equals(externalId));
            assertThat(published).hasSize(1);
        }
    }

    @Test
    void manyConcurrentPushesAreAllPublished() throws Exception {
        String batch = "burst-" + UUID.randomUUID();
        int count = 200;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var pushes = java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> given().auth()
                            .oauth2(TestTokens.integration())
                            .contentType(ContentType.JSON)
                            .body(complaint(batch + "-" + i))
                            .post("/api/v1/messages")
                            .then()
                            .statusCode(202)))
                    .toList();
            for (var push : pushes) {
                push.get();
            }
        } finally {
            pool.shutdown();
        }
        // Transactions commit out of insert order under concurrency; the relay must still publish every one.
        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            List<CapturedEvent<InboundMessage>> published = inbound.awaitCount(
                    EventType.MESSAGE_RECEIVED,
                    (InboundMessage m) -> m.externalId().startsWith(batch),
                    count,
                    Duration.ofSeconds(60));
            assertThat(published).extracting(e -> e.payload().externalId()).doesNotHaveDuplicates();
        }
    }

    @Test
    void sameMessagesPushedManyTimesAtOnceArePublishedOnceAndEveryAnswerNamesTheStoredOne() throws Exception {
        // Concurrent copies land in one group commit or in transactions racing each other: either way one copy wins.
        String batch = "retry-storm-" + UUID.randomUUID();
        int messages = 5;
        int copies = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<io.restassured.response.Response> answers;
        try {
            var pushes = java.util.stream.IntStream.range(0, messages * copies)
                    .mapToObj(i -> pool.submit(() -> given().auth()
                            .oauth2(TestTokens.integration())
                            .contentType(ContentType.JSON)
                            .body(complaint(batch + "-" + (i % messages)))
                            .post("/api/v1/messages")))
                    .toList();
            answers = new java.util.ArrayList<>();
            for (var push : pushes) {
                answers.add(push.get());
            }
        } finally {
            pool.shutdown();
        }
        for (int m = 0; m < messages; m++) {
            int message = m;
            var ofThisMessage = java.util.stream.IntStream.range(0, answers.size())
                    .filter(i -> i % messages == message)
                    .mapToObj(answers::get)
                    .toList();
            assertThat(ofThisMessage)
                    .extracting(io.restassured.response.Response::statusCode)
                    .as("one copy stored (202), every other one a duplicate (200)")
                    .containsOnly(202, 200)
                    .containsOnlyOnce(202);
            assertThat(ofThisMessage)
                    .extracting(a -> a.jsonPath().getString("messageId"))
                    .as("every answer names the one stored message")
                    .containsOnly(ofThisMessage.getFirst().jsonPath().getString("messageId"));
        }
        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            List<CapturedEvent<InboundMessage>> published = inbound.allAfter(
                    Duration.ofSeconds(3), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                            .startsWith(batch));
            assertThat(published)
                    .extracting(e -> e.payload().externalId())
                    .hasSize(messages)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void messageWithoutTextIsRefusedWithProblemDetailsNamingTheField() {
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(complaint("x")
                        .replace("\"text\":\"Al drie dagen geen internet in Utrecht, dit is echt niet ok @acme\",", ""))
                .post("/api/v1/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void malformedJsonIsRefusedWithProblemDetails() {
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"x\",")
                .post("/api/v1/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void unknownChannelIsRefused() {
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(complaint("y").replace("\"channel\":\"x\"", "\"channel\":\"myspace\""))
                .post("/api/v1/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void pushingRequiresTheIntegrationRole() {
        given().contentType(ContentType.JSON)
                .body(complaint("z"))
                .post("/api/v1/messages")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .contentType(ContentType.JSON)
                .body(complaint("z"))
                .post("/api/v1/messages")
                .then()
                .statusCode(403);
    }
}

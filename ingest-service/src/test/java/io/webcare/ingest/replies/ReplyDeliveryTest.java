package io.webcare.ingest.replies;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.kafka.CloudEvent;
import io.webcare.ingest.simulator.SimulatedPost;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.Json;
import io.webcare.testsupport.RealKafkaBroker;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Replies requested on webcare.replies.outbound go through the real broker to the channel adapters, which call the
 * simulator of this instance (the platforms' request and answer shapes); outcomes come back on
 * webcare.replies.delivery, checked against their JSON Schemas. Every test uses its own ids, so tests stay apart.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ReplyDeliveryTest {

    @Inject
    ReplyDeliveryRepository deliveries;

    @Inject
    StaleReplySweeper sweeper;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static ReplyRequested reply(
            Channel channel,
            Visibility visibility,
            String account,
            String inReplyTo,
            String recipient,
            String text,
            String template,
            Instant windowClosesAt) {
        String key = channel.wireName() + ":" + account + ":"
                + (inReplyTo != null ? "thread:" + inReplyTo : "author:" + recipient);
        return new ReplyRequested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                key,
                channel,
                account,
                inReplyTo,
                inReplyTo,
                visibility,
                recipient,
                text,
                template,
                windowClosesAt,
                "agent-wendy",
                Instant.now());
    }

    private static ReplyRequested tweetReply(String tweetId) {
        return reply(
                Channel.X,
                Visibility.PUBLIC,
                "acme",
                tweetId,
                "u-1",
                "Wat vervelend! We kijken mee, stuur ons een DM.",
                null,
                null);
    }

    private static UUID request(ReplyRequested reply) {
        return TestEvents.publish(EventType.REPLY_REQUESTED, reply.conversationKey(), reply);
    }

    private static ReplyDelivered awaitDelivered(UUID replyId) {
        try (var delivery = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            var event = delivery.<ReplyDelivered>await(
                    EventType.REPLY_DELIVERED, d -> d.replyId().equals(replyId));
            return event.payload();
        }
    }

    private static ReplyFailed awaitFailed(UUID replyId) {
        try (var delivery = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            return delivery.<ReplyFailed>await(
                            EventType.REPLY_FAILED, f -> f.replyId().equals(replyId))
                    .payload();
        }
    }

    private static List<SimulatedPost> postsTo(String to) {
        return List.of(given().queryParam("to", to)
                .get("/simulator/posts")
                .then()
                .statusCode(200)
                .extract()
                .as(SimulatedPost[].class));
    }

    private static void failNext(String platform, String to, int count, int status, Integer retryAfter, Integer delay) {
        given().contentType(ContentType.JSON)
                .body(
                        """
                        {"platform":"%s","to":"%s","count":%d,"status":%d,"retryAfterSeconds":%s,"delayMillis":%s}"""
                                .formatted(platform, to, count, status, retryAfter, delay))
                .post("/simulator/failures")
                .then()
                .statusCode(204);
    }

    // --- delivered --------------------------------------------------------------------------------------------------

    @Test
    void publicReplyOnXIsPostedUnderTheCustomersTweetAndReportedWithItsPlatformId() {
        String tweetId = unique("tweet");
        ReplyRequested reply = tweetReply(tweetId);
        request(reply);

        ReplyDelivered delivered = awaitDelivered(reply.replyId());
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.caseId()).isEqualTo(reply.caseId());
        assertThat(delivered.conversationKey()).isEqualTo(reply.conversationKey());
        assertThat(delivered.channel()).isEqualTo(Channel.X);

        List<SimulatedPost> posts = postsTo(tweetId);
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.kind()).isEqualTo("tweet-reply");
            assertThat(post.id()).isEqualTo(delivered.platformMessageId());
            assertThat(post.text()).isEqualTo(reply.text());
        });
    }

    @Test
    void privateReplyOnXIsADirectMessageToTheCustomer() {
        String customer = unique("x-user");
        ReplyRequested reply =
                reply(Channel.X, Visibility.PRIVATE, "acme", null, customer, "Dank voor je DM!", null, null);
        request(reply);

        ReplyDelivered delivered = awaitDelivered(reply.replyId());
        assertThat(postsTo(customer)).singleElement().satisfies(post -> {
            assertThat(post.kind()).isEqualTo("dm");
            assertThat(post.id()).isEqualTo(delivered.platformMessageId());
        });
    }

    @Test
    void facebookCommentIsAnsweredUnderTheCommentAndInstagramCommentWithAReply() {
        String fbComment = unique("fb-comment");
        String igComment = unique("ig-comment");
        ReplyRequested facebook = reply(
                Channel.FACEBOOK, Visibility.PUBLIC, "page-1", fbComment, "psid-1", "We helpen je graag!", null, null);
        ReplyRequested instagram = reply(
                Channel.INSTAGRAM,
                Visibility.PUBLIC,
                "ig-1",
                igComment,
                "igsid-1",
                "Fijn dat je het meldt!",
                null,
                null);
        request(facebook);
        request(instagram);

        assertThat(awaitDelivered(facebook.replyId()).platformMessageId()).startsWith(fbComment + "_");
        awaitDelivered(instagram.replyId());
        assertThat(postsTo(fbComment))
                .singleElement()
                .extracting(SimulatedPost::kind)
                .isEqualTo("comment-reply");
        assertThat(postsTo(igComment))
                .singleElement()
                .extracting(SimulatedPost::kind)
                .isEqualTo("instagram-comment-reply");
    }

    @Test
    void messengerReplyWithinTheWindowGoesToThePageMessagesOfTheCustomer() {
        String psid = unique("psid");
        ReplyRequested reply = reply(
                Channel.FACEBOOK,
                Visibility.PRIVATE,
                "page-1",
                null,
                psid,
                "Hoi! Je pakket komt morgen.",
                null,
                Instant.now().plus(2, ChronoUnit.HOURS));
        request(reply);

        ReplyDelivered delivered = awaitDelivered(reply.replyId());
        assertThat(delivered.platformMessageId()).startsWith("m_");
        assertThat(postsTo(psid)).singleElement().satisfies(post -> {
            assertThat(post.kind()).isEqualTo("messenger");
            assertThat(post.account()).isEqualTo("page-1");
            assertThat(post.template()).isNull();
        });
    }

    @Test
    void whatsappReplyWithinTheWindowIsATextMessage() {
        String number = unique("316");
        ReplyRequested reply = reply(
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                "wa-phone-1",
                null,
                number,
                "Je factuur is gecorrigeerd.",
                null,
                Instant.now().plus(1, ChronoUnit.HOURS));
        request(reply);

        assertThat(awaitDelivered(reply.replyId()).platformMessageId()).startsWith("wamid.");
        assertThat(postsTo(number)).singleElement().satisfies(post -> {
            assertThat(post.kind()).isEqualTo("whatsapp");
            assertThat(post.text()).isEqualTo("Je factuur is gecorrigeerd.");
        });
    }

    @Test
    void whatsappReplyAfterTheWindowWithATemplateSendsTheApprovedTemplate() {
        String number = unique("316");
        ReplyRequested reply = reply(
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                "wa-phone-1",
                null,
                number,
                "Je factuur is gecorrigeerd.",
                "case_update",
                Instant.now().minus(1, ChronoUnit.HOURS));
        request(reply);

        awaitDelivered(reply.replyId());
        assertThat(postsTo(number)).singleElement().satisfies(post -> {
            assertThat(post.template()).isEqualTo("case_update");
            assertThat(post.text()).isNull();
        });
    }

    // --- not sent -------------------------------------------------------------------------------------------------

    @Test
    void replyAfterTheWindowWithoutATemplateFailsAsWindowClosedAndIsNotSent() {
        String number = unique("316");
        ReplyRequested reply = reply(
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                "wa-phone-1",
                null,
                number,
                "Sorry voor de late reactie",
                null,
                Instant.now().minus(1, ChronoUnit.MINUTES));
        request(reply);

        ReplyFailed failed = awaitFailed(reply.replyId());
        assertThat(failed.reason()).isEqualTo("reply-window-closed");
        assertThat(failed.attempts()).isZero();
        assertThat(postsTo(number)).isEmpty();
    }

    @Test
    void phoneAndEmailRepliesFailAsUnsupportedChannel() {
        ReplyRequested phone =
                reply(Channel.PHONE, Visibility.PRIVATE, null, null, "+31201234567", "Gebeld", null, null);
        ReplyRequested email =
                reply(Channel.EMAIL, Visibility.PRIVATE, null, null, "jan@example.org", "Mail", null, null);
        request(phone);
        request(email);

        assertThat(awaitFailed(phone.replyId()).reason()).isEqualTo("unsupported-channel");
        assertThat(awaitFailed(email.replyId()).reason()).isEqualTo("unsupported-channel");
    }

    @Test
    void sameReplyRequestedTwiceIsPostedOnceAndReportedOnce() {
        String tweetId = unique("tweet");
        ReplyRequested reply = tweetReply(tweetId);
        request(reply);
        awaitDelivered(reply.replyId());
        request(reply); // a redelivery: same reply id, a new event id

        try (var delivery = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            assertThat(delivery.allAfter(
                            Duration.ofSeconds(3), EventType.REPLY_DELIVERED, (ReplyDelivered d) -> d.replyId()
                                    .equals(reply.replyId())))
                    .hasSize(1);
        }
        assertThat(postsTo(tweetId)).hasSize(1);
    }

    // --- retries ----------------------------------------------------------------------------------------------------

    @Test
    void transientServerErrorsAreRetriedUntilThePlatformAccepts() {
        String tweetId = unique("tweet");
        failNext("x", tweetId, 2, 503, null, null);
        ReplyRequested reply = tweetReply(tweetId);
        request(reply);

        assertThat(awaitDelivered(reply.replyId()).attempts()).isEqualTo(3);
        assertThat(postsTo(tweetId)).hasSize(1);
    }

    @Test
    void rateLimitedCallWaitsForRetryAfterThenDelivers() {
        String comment = unique("fb-comment");
        failNext("graph", comment, 1, 429, 1, null);
        ReplyRequested reply = reply(
                Channel.FACEBOOK, Visibility.PUBLIC, "page-1", comment, "psid-1", "We zoeken het uit.", null, null);
        request(reply);

        ReplyDelivered delivered = awaitDelivered(reply.replyId());
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(Duration.between(reply.requestedAt(), delivered.deliveredAt()))
                .as("the platform asked to wait a second")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void timedOutCallIsRetried() {
        String customer = unique("x-user");
        failNext("x", customer, 1, 504, null, 1500); // answers after the 1 s request timeout of the test profile
        ReplyRequested reply = reply(Channel.X, Visibility.PRIVATE, "acme", null, customer, "Hallo!", null, null);
        request(reply);

        assertThat(awaitDelivered(reply.replyId()).attempts()).isEqualTo(2);
    }

    @Test
    void clientErrorIsNotRetriedAndFailsAsRejectedWithThePlatformsExplanation() {
        String tweetId = unique("tweet");
        failNext("x", tweetId, 5, 403, null, null);
        ReplyRequested reply = tweetReply(tweetId);
        request(reply);

        ReplyFailed failed = awaitFailed(reply.replyId());
        assertThat(failed.reason()).isEqualTo("rejected");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.detail()).contains("403");
    }

    @Test
    void platformThatKeepsFailingIsReportedUnreachableAfterTheLastAttempt() {
        String number = unique("316");
        failNext("graph", number, 10, 500, null, null);
        ReplyRequested reply = reply(
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                "wa-phone-1",
                null,
                number,
                "Hallo",
                null,
                Instant.now().plus(1, ChronoUnit.HOURS));
        request(reply);

        ReplyFailed failed = awaitFailed(reply.replyId());
        assertThat(failed.reason()).isEqualTo("unreachable");
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.detail()).contains("HTTP 500");
        assertThat(postsTo(number)).isEmpty();
    }

    // --- crash between the call and its commit ----------------------------------------------------------------------

    @Test
    void replyLeftSendingByACrashIsReportedAsUnknownOutcomeAndNeverPostedAgain() {
        String tweetId = unique("tweet");
        ReplyRequested reply = tweetReply(tweetId);
        // What a crash after the platform call leaves behind: the claim committed, the outcome never recorded.
        QuarkusTransaction.requiringNew().run(() -> {
            var delivery = new ReplyDelivery();
            delivery.replyId = reply.replyId();
            delivery.caseId = reply.caseId();
            delivery.conversationKey = reply.conversationKey();
            delivery.channel = "x";
            delivery.state = ReplyDelivery.SENDING;
            delivery.attempts = 1;
            delivery.startedAt = Instant.now().minus(1, ChronoUnit.HOURS);
            deliveries.persist(delivery);
        });
        request(reply); // the redelivery after the restart

        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        ReplyFailed failed = awaitFailed(reply.replyId());
        assertThat(failed.reason()).isEqualTo("outcome-unknown");
        assertThat(failed.detail()).startsWith("Outcome unknown");
        try (var delivery = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            assertThat(delivery.allAfter(
                            Duration.ofSeconds(2), EventType.REPLY_DELIVERED, (ReplyDelivered d) -> d.replyId()
                                    .equals(reply.replyId())))
                    .isEmpty();
        }
        assertThat(postsTo(tweetId)).isEmpty();
    }

    // --- poison -----------------------------------------------------------------------------------------------------

    @Test
    void requestWithoutAReplyIdGoesToTheDeadLetterTopicWithItsReasonAndDeliveryGoesOn() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String payload = Json.MAPPER.writeValueAsString(tweetReply("t-1")).replaceFirst("\"replyId\":\"[^\"]+\",", "");
        var headers = new CloudEvent(
                        UUID.randomUUID(), "/webcare/test", EventType.REPLY_REQUESTED.ceType(), Instant.now())
                .toHeaders();
        TestEvents.send(Topics.REPLIES_OUTBOUND, key, payload, headers);
        ReplyRequested after = tweetReply(unique("tweet"));
        request(after);

        try (var dlq = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealKafkaBroker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + key),
                new StringDeserializer(),
                new StringDeserializer())) {
            var partition = new TopicPartition(Topics.deadLetter(Topics.REPLIES_OUTBOUND), 0);
            dlq.assign(List.of(partition));
            dlq.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> key.equals(r.key()));
            });
            ConsumerRecord<String, String> poison =
                    parked.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(
                            poison.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("replyId");
        }
        awaitDelivered(after.replyId());
    }

    // --- figures ----------------------------------------------------------------------------------------------------

    @Test
    void deliveriesAndFailuresAreCountedPerChannel() {
        ReplyRequested reply = tweetReply(unique("tweet"));
        request(reply);
        awaitDelivered(reply.replyId());
        ReplyRequested phone =
                reply(Channel.PHONE, Visibility.PRIVATE, null, null, "+31201234567", "Gebeld", null, null);
        request(phone);
        awaitFailed(phone.replyId());

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("webcare_replies_delivered_total{channel=\"x\""))
                .body(containsString("webcare_replies_failed_total{channel=\"phone\",reason=\"unsupported-channel\""));
    }
}

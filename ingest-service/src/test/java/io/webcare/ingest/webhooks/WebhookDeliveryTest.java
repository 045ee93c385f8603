package io.webcare.ingest.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.CapturedEvent;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signed platform deliveries, written from each platform's documented payload shapes (src/test/resources/webhooks),
 * go through the real broker and database. Every fixture's ids contain RUN, replaced per test so tests stay apart.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class WebhookDeliveryTest {
    // The %test values of application.properties.
    private static final String META_SECRET = "test-meta-app-secret";
    private static final String META_VERIFY_TOKEN = "test-meta-verify-token";
    private static final String X_SECRET = "test-x-consumer-secret";

    // --- handshakes -------------------------------------------------------------------------------------------------

    @Test
    void metaHandshakeAnswersTheChallengeForOurVerifyToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", META_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(equalTo("1158201444"));
    }

    @Test
    void metaHandshakeWithAnotherVerifyTokenIsForbidden() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guessed")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void xCrcIsAnsweredWithTheHmacOfTheToken() {
        String crcToken = "crc-" + UUID.randomUUID();
        String expected = "sha256=" + Base64.getEncoder().encodeToString(hmac(X_SECRET, bytes(crcToken)));
        given().queryParam("crc_token", crcToken)
                .get("/webhooks/x")
                .then()
                .statusCode(200)
                .body("response_token", equalTo(expected));
    }

    // --- Meta deliveries ------------------------------------------------------------------------------------------

    @Test
    void whatsappDeliveryWithTwoMessagesBecomesTwoPrivateMessagesWithTheirReplyWindows() {
        String run = run();
        postMeta(fixture("whatsapp-two-messages.json", run))
                .statusCode(200)
                .body("messages", equalTo(2))
                .body("published", equalTo(2));

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            List<CapturedEvent<InboundMessage>> events = inbound.awaitCount(
                    EventType.MESSAGE_RECEIVED,
                    (InboundMessage m) -> m.externalId().startsWith("wamid." + run),
                    2,
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(2);
            InboundMessage first = payloadWithId(events, "wamid." + run + "-1");
            assertThat(first.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(first.accountId()).isEqualTo("wa-phone-" + run);
            assertThat(first.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(first.author().id()).isEqualTo("31612345678");
            assertThat(first.author().handle()).isEqualTo("+31612345678");
            assertThat(first.author().name()).isEqualTo("Fatima el Amrani");
            assertThat(first.text()).isEqualTo("Hoi, mijn factuur van november klopt niet");
            assertThat(first.sentAt()).isEqualTo(Instant.ofEpochSecond(1795428000L));
            assertThat(first.replyWindowClosesAt()).isEqualTo(first.sentAt().plus(24, ChronoUnit.HOURS));
            assertThat(first.conversationKey()).isEqualTo("whatsapp:wa-phone-" + run + ":author:31612345678");

            InboundMessage second = payloadWithId(events, "wamid." + run + "-2");
            assertThat(second.author().name()).isEqualTo("Henk Jansen");
            assertThat(second.replyWindowClosesAt()).isEqualTo(Instant.ofEpochSecond(1795428060L + 24 * 3600));
            assertThat(second.conversationKey()).isNotEqualTo(first.conversationKey());
        }
    }

    @Test
    void pageCommentIsAPublicMessageOnThePostThread() {
        String run = run();
        postMeta(fixture("page-feed-comment.json", run)).statusCode(200).body("published", equalTo(1));

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            CapturedEvent<InboundMessage> event =
                    inbound.await(EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                            .equals("post-1_comment-" + run));
            InboundMessage message = event.payload();
            assertThat(message.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(message.accountId()).isEqualTo("page-" + run);
            assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(message.threadRef()).isEqualTo("page-" + run + "_post-1");
            assertThat(message.conversationKey()).isEqualTo("facebook:page-" + run + ":thread:page-" + run + "_post-1");
            assertThat(message.author().id()).isEqualTo("7001234567890");
            assertThat(message.author().name()).isEqualTo("Jan de Vries");
            assertThat(message.replyWindowClosesAt())
                    .as("public comments have no reply window")
                    .isNull();
            assertThat(event.key()).isEqualTo(message.conversationKey());
        }
    }

    @Test
    void messengerMessageIsPrivateWithAReplyWindowAndOurOwnEchoIsLeftOut() {
        String run = run();
        postMeta(fixture("messenger-message.json", run)).statusCode(200).body("messages", equalTo(1));

        InboundMessage message = publishedMessage("m_" + run);
        assertThat(message.channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.conversationKey()).isEqualTo("facebook:page-" + run + ":author:psid-4242");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1795428190000L));
        assertThat(message.replyWindowClosesAt()).isEqualTo(message.sentAt().plus(24, ChronoUnit.HOURS));
    }

    @Test
    void instagramCommentIsPublicOnItsMedia() {
        String run = run();
        postMeta(fixture("instagram-comment.json", run)).statusCode(200).body("published", equalTo(1));

        InboundMessage message = publishedMessage("igc-" + run);
        assertThat(message.channel()).isEqualTo(Channel.INSTAGRAM);
        assertThat(message.accountId()).isEqualTo("ig-" + run);
        assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(message.threadRef()).isEqualTo("igmedia-" + run);
        assertThat(message.author().handle()).isEqualTo("@sanne.travel");
    }

    @Test
    void aFieldWeDoNotTakeInIsAcknowledgedWithNothingPublished() {
        postMeta(fixture("meta-unhandled-field.json", run())).statusCode(200).body("messages", equalTo(0));
        postMeta("{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"email\"}]}]}")
                .statusCode(200)
                .body("messages", equalTo(0));
    }

    // --- X deliveries ---------------------------------------------------------------------------------------------

    @Test
    void mentionFromAnAccountWithFortyThousandFollowersIsPublic() {
        String run = run();
        postX(fixture("x-tweet-mention.json", run)).statusCode(200).body("published", equalTo(1));

        InboundMessage message = publishedMessage("tweet-" + run);
        assertThat(message.channel()).isEqualTo(Channel.X);
        assertThat(message.accountId()).isEqualTo("acme-" + run);
        assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(message.author().followers()).isEqualTo(40_000);
        assertThat(message.author().handle()).isEqualTo("@jandevries");
        assertThat(message.author().id()).isEqualTo("5550001");
        assertThat(message.threadRef())
                .as("a post that answers nothing starts its own thread")
                .isEqualTo("tweet-" + run);
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1795479300000L));
        assertThat(message.replyWindowClosesAt()).isNull();
    }

    @Test
    void ourOwnPostIsLeftOut() {
        String run = run();
        String own = fixture("x-tweet-mention.json", run)
                .replace("\"id_str\": \"5550001\"", "\"id_str\": \"acme-" + run + "\"");
        postX(own).statusCode(200).body("messages", equalTo(0));
    }

    @Test
    void directMessageIsPrivateWithItsSenderFromUsers() {
        String run = run();
        postX(fixture("x-direct-message.json", run)).statusCode(200).body("published", equalTo(1));

        InboundMessage message = publishedMessage("dm-" + run);
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.author().handle()).isEqualTo("@petrab");
        assertThat(message.author().name()).isEqualTo("Petra Bakker");
        assertThat(message.author().followers()).isEqualTo(312);
        assertThat(message.conversationKey()).isEqualTo("x:acme-" + run + ":author:5550002");
        assertThat(message.replyWindowClosesAt())
                .as("X DMs have no reply window")
                .isNull();
    }

    // --- once, and refusals ---------------------------------------------------------------------------------------

    @Test
    void sameDeliveryTwiceIsPublishedOnce() {
        String run = run();
        String delivery = fixture("whatsapp-two-messages.json", run);
        postMeta(delivery).statusCode(200).body("published", equalTo(2));
        postMeta(delivery).statusCode(200).body("published", equalTo(0)).body("duplicates", equalTo(2));

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            inbound.awaitCount(
                    EventType.MESSAGE_RECEIVED,
                    (InboundMessage m) -> m.externalId().startsWith("wamid." + run),
                    2,
                    Duration.ofSeconds(30));
            List<CapturedEvent<InboundMessage>> published = inbound.allAfter(
                    Duration.ofSeconds(2), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                            .startsWith("wamid." + run));
            assertThat(published).hasSize(2);
        }
    }

    @Test
    void theSameMessageTwiceInOneDeliveryIsPublishedOnce() {
        String run = run();
        String delivery =
                fixture("whatsapp-two-messages.json", run).replace("wamid." + run + "-2", "wamid." + run + "-1");
        postMeta(delivery)
                .statusCode(200)
                .body("messages", equalTo(2))
                .body("published", equalTo(1))
                .body("duplicates", equalTo(1));
    }

    @Test
    void badOrMissingSignatureIsRefusedAndNothingIsPublished() {
        String run = run();
        String delivery = fixture("whatsapp-two-messages.json", run);
        given().header("X-Hub-Signature-256", signMeta(delivery.replace("factuur", "rekening")))
                .contentType("application/json")
                .body(bytes(delivery))
                .post("/webhooks/meta")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(bytes(delivery))
                .post("/webhooks/meta")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String tweet = fixture("x-tweet-mention.json", run);
        given().header("x-twitter-webhooks-signature", signMeta(tweet)) // Meta's form: hex, other key
                .contentType("application/json")
                .body(bytes(tweet))
                .post("/webhooks/x")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            assertThat(inbound.allAfter(
                            Duration.ofSeconds(2), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                                    .contains(run)))
                    .isEmpty();
        }
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequest() {
        postMeta("{\"object\":\"whatsapp_business_account\",\"entry\":[")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        postX("not json at all").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMessageWithoutItsIdIsABadRequestAndNothingOfTheDeliveryIsPublished() {
        String run = run();
        String delivery = fixture("whatsapp-two-messages.json", run).replace("\"id\": \"wamid." + run + "-2\",", "");
        postMeta(delivery).statusCode(400).contentType("application/problem+json");

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            assertThat(inbound.allAfter(
                            Duration.ofSeconds(2), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                                    .contains(run)))
                    .isEmpty();
        }
    }

    @Test
    void hostileBodiesWithAValidSignatureAreRefusedOrIgnoredButNeverFail() {
        String run = run();
        String longId = "9".repeat(300);
        List<String> meta = List.of(
                "",
                "null",
                "[]",
                "\"page\"",
                "{\"object\":\"page\",\"entry\":{}}",
                "{\"object\":\"page\",\"entry\":[1,null,\"x\",[]]}",
                "{\"object\":\"page\",\"entry\":[{\"changes\":\"feed\"}]}",
                "{\"object\":\"page\",\"entry\":[{\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\"}}]}]}",
                "{\"object\":\"page\",\"entry\":[{\"id\":{\"a\":1},\"messaging\":[{\"message\":{\"text\":\"hi\"}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{\"type\":\"text\",\"from\":\"1\",\"id\":\"w-"
                        + run + "\",\"timestamp\":\"99999999999999999999\"}]}}]}]}",
                "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + longId
                        + "\",\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"c-" + run + "\"}}]}]}",
                "{\"object\":\"instagram\",\"entry\":[{\"id\":\"ig\\u0000-" + run
                        + "\",\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"c-" + run + "\"}}]}]}",
                "[".repeat(5000) + "]".repeat(5000));
        for (String body : meta) {
            int status = postMeta(body).extract().statusCode();
            assertThat(status)
                    .as("Meta body %s", body.length() > 80 ? body.substring(0, 80) : body)
                    .isIn(200, 400);
        }
        List<String> x = List.of(
                "{\"tweet_create_events\":\"x\"}",
                "{\"tweet_create_events\":[{}]}",
                "{\"for_user_id\":{\"a\":1},\"tweet_create_events\":[{}]}",
                "{\"for_user_id\":\"a\",\"tweet_create_events\":[{\"id_str\":\"t\",\"user\":{\"id_str\":\"u\"}}]}",
                "{\"for_user_id\":\"a\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"d-" + run
                        + "\",\"message_create\":{\"sender_id\":\"s\"}}],\"users\":[]}",
                "{\"for_user_id\":\"a\",\"tweet_create_events\":[{\"id_str\":\"t-" + run
                        + "\",\"created_at\":\"yesterday\",\"user\":{\"id_str\":\"u\",\"screen_name\":\"s\",\"followers_count\":-5}}]}");
        for (String body : x) {
            int status = postX(body).extract().statusCode();
            assertThat(status).as("X body %s", body).isIn(200, 400);
        }
    }

    @Test
    void anUnknownPlatformIsNotFound() {
        given().contentType("application/json")
                .body("{}")
                .post("/webhooks/myspace")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        given().header("X-Hub-Signature-256", signMeta(big))
                .contentType("application/json")
                .body(big)
                .post("/webhooks/meta")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    private static ValidatableResponse postMeta(String body) {
        return given().header("X-Hub-Signature-256", signMeta(body))
                .contentType("application/json")
                .body(bytes(body))
                .post("/webhooks/meta")
                .then();
    }

    private static ValidatableResponse postX(String body) {
        String signature = "sha256=" + Base64.getEncoder().encodeToString(hmac(X_SECRET, bytes(body)));
        return given().header("x-twitter-webhooks-signature", signature)
                .contentType("application/json")
                .body(bytes(body))
                .post("/webhooks/x")
                .then();
    }

    private static String signMeta(String body) {
        return signMeta(bytes(body));
    }

    private static String signMeta(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(META_SECRET, body));
    }

    private static InboundMessage payloadWithId(List<CapturedEvent<InboundMessage>> events, String externalId) {
        return events.stream()
                .map(CapturedEvent::payload)
                .filter(m -> m.externalId().equals(externalId))
                .findFirst()
                .orElseThrow();
    }

    private static String fixture(String name, String run) {
        try (InputStream in = WebhookDeliveryTest.class.getClassLoader().getResourceAsStream("webhooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("RUN", run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // Computed here independently of the service's own WebhookSignature, so a bug there cannot hide itself.
    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inbound message published for {@code externalId}, schema-checked by EventCapture. */
    private static InboundMessage publishedMessage(String externalId) {
        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            return inbound.<InboundMessage>await(
                            EventType.MESSAGE_RECEIVED, m -> m.externalId().equals(externalId))
                    .payload();
        }
    }
}

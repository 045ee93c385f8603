package io.webcare.cases.replies;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseReplyFailed;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ReplyFlowTest {
    private static final String TEAM = "webcare";
    private static final String AGENT = TestTokens.agent(TEAM);

    private static io.restassured.response.Response reply(UUID caseId, String text) {
        return given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("text", text))
                .post("/api/v1/cases/{id}/replies", caseId);
    }

    @Test
    void aReplyGoesOutOnTheCustomersChannelAndThreadAndItsDeliveryIsTheFirstResponse() {
        Instant window = Instant.now().plus(Duration.ofHours(23)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        MessageRouted message = routed(
                conversation(),
                author("wa-31612345678"),
                TEAM,
                "Mijn bundel is op, kan ik bijkopen?",
                List.of("bundle"),
                Channel.WHATSAPP,
                Visibility.PRIVATE,
                3,
                -0.2,
                window);
        UUID caseId = deliver(message, TEAM);

        String replyId = reply(caseId, "Ja hoor! Je kunt vandaag nog 5 GB bijkopen in de app, dat werkt direct.")
                .then()
                .statusCode(202)
                .body("status", equalTo("requested"))
                .body("visibility", equalTo("private"))
                .body("channel", equalTo("whatsapp"))
                .extract()
                .path("replyId");
        UUID id = UUID.fromString(replyId);

        ReplyRequested requested;
        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            var event = outbound.<ReplyRequested>await(
                    EventType.REPLY_REQUESTED, r -> r.replyId().equals(id));
            assertThat(event.key()).isEqualTo(message.message().conversationKey());
            requested = event.payload();
        }
        assertThat(requested.caseId()).isEqualTo(caseId);
        assertThat(requested.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(requested.accountId()).isEqualTo("acme");
        assertThat(requested.threadRef()).isEqualTo(message.message().threadRef());
        assertThat(requested.inReplyToExternalId()).isEqualTo(message.message().externalId());
        assertThat(requested.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(requested.recipientId()).isEqualTo("wa-31612345678");
        assertThat(requested.replyWindowClosesAt()).isEqualTo(window);
        assertThat(requested.agent()).isEqualTo("agent-webcare");
        assertThat(requested.template()).isNull();
        // replying claims an unassigned case
        assertThat(CaseFixtures.get(caseId, AGENT).getString("assignee")).isEqualTo("agent-webcare");

        delivered(requested);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(CaseFixtures.get(caseId, AGENT).getString("replies[0].status"))
                        .isEqualTo("delivered"));

        String secondId = reply(caseId, "Is het gelukt met bijkopen? Laat het vandaag even weten.")
                .then()
                .statusCode(202)
                .extract()
                .path("replyId");
        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            delivered(outbound.<ReplyRequested>await(
                            EventType.REPLY_REQUESTED,
                            r -> r.replyId().toString().equals(secondId))
                    .payload());
        }
        try (var cases = EventCapture.of(Topics.CASES)) {
            List<CaseReplied> replied = cases
                    .<CaseReplied>awaitCount(
                            EventType.CASE_REPLIED, r -> r.caseId().equals(caseId), 2, Duration.ofSeconds(30))
                    .stream()
                    .map(e -> e.payload())
                    .toList();
            assertThat(replied)
                    .extracting(r -> r.replyId().toString(), CaseReplied::firstResponse)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(replyId, true),
                            org.assertj.core.groups.Tuple.tuple(secondId, false));
        }
    }

    @Test
    void aFailedDeliveryIsVisibleToTheAgentAndAnnounced() {
        UUID caseId = deliver(routed(conversation(), author("u-f1"), TEAM, "Hoi, vraagje", List.of()), TEAM);
        String replyId = reply(caseId, "Hoi! Waar kunnen we je vandaag mee helpen?")
                .then()
                .statusCode(202)
                .extract()
                .path("replyId");
        ReplyRequested requested;
        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            requested = outbound.<ReplyRequested>await(
                            EventType.REPLY_REQUESTED,
                            r -> r.replyId().toString().equals(replyId))
                    .payload();
        }
        TestEvents.publish(
                EventType.REPLY_FAILED,
                requested.conversationKey(),
                new ReplyFailed(
                        requested.replyId(),
                        caseId,
                        requested.conversationKey(),
                        requested.channel(),
                        "rejected",
                        "The tweet was deleted",
                        3,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var view = CaseFixtures.get(caseId, AGENT);
            assertThat(view.getString("replies[0].status")).isEqualTo("failed");
            assertThat(view.getString("replies[0].failureReason")).isEqualTo("rejected");
            assertThat(view.getString("replies[0].failureDetail")).isEqualTo("The tweet was deleted");
        });
        try (var cases = EventCapture.of(Topics.CASES)) {
            CaseReplyFailed failed = cases.<CaseReplyFailed>await(
                            EventType.CASE_REPLY_FAILED, f -> f.caseId().equals(caseId))
                    .payload();
            assertThat(failed.reason()).isEqualTo("rejected");
            assertThat(failed.agent()).isEqualTo("agent-webcare");
        }
    }

    @Test
    void aReplyBreakingABlockingRuleIsRefusedWithTheFindingsAndNothingIsSent() {
        UUID caseId = deliver(routed(conversation(), author("u-b1"), TEAM, "Mijn factuur klopt niet", List.of()), TEAM);
        reply(caseId, "Bel ons even op werkdagen, dan kijken we ernaar.")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("other-channel"))
                .body("findings.rule", org.hamcrest.Matchers.hasItems("other-channel", "empty-promise"))
                .body("findings.find { it.rule == 'other-channel' }.severity", equalTo("blocking"))
                .body("findings.find { it.rule == 'other-channel' }.words", equalTo("Bel ons"));
        var view = CaseFixtures.get(caseId, AGENT);
        assertThat(view.getList("replies")).isEmpty();
        assertThat(view.getString("status")).isEqualTo("new");

        reply(caseId, "We kijken ernaar.")
                .then()
                .statusCode(202)
                .body("warnings", hasSize(1))
                .body("warnings[0].rule", equalTo("empty-promise"));
        assertThat(CaseFixtures.get(caseId, AGENT).getString("replies[0].warnings[0].words"))
                .isEqualTo("We kijken ernaar");
    }

    @Test
    void theLintEndpointChecksADraftWithoutSendingIt() {
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of(
                        "text",
                        "Your IBAN NL91ABNA0417164300 is refunded today.",
                        "channel",
                        "x",
                        "visibility",
                        "public"))
                .post("/api/v1/replies/lint")
                .then()
                .statusCode(200)
                .body("blocked", equalTo(true))
                .body("findings.rule", equalTo(List.of("personal-data")))
                .body("findings[0].words", equalTo("NL91ABNA0417164300"));
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("text", "Your refund is on its way today.", "channel", "x", "visibility", "public"))
                .post("/api/v1/replies/lint")
                .then()
                .statusCode(200)
                .body("blocked", equalTo(false))
                .body("findings", hasSize(0));
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("text", "hi", "channel", "telegram", "visibility", "public"))
                .post("/api/v1/replies/lint")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(Map.of("text", "hi", "channel", "x", "visibility", "public"))
                .post("/api/v1/replies/lint")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType("application/json")
                .body(Map.of("text", "hi", "channel", "x", "visibility", "public"))
                .post("/api/v1/replies/lint")
                .then()
                .statusCode(403);
    }

    @Test
    void aReplyToAnotherTeamsCaseIsForbidden() {
        UUID caseId = deliver(routed(conversation(), author("u-t1"), TEAM, "Vraag", List.of()), TEAM);
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .contentType("application/json")
                .body(Map.of("text", "Hoi"))
                .post("/api/v1/cases/{id}/replies", caseId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("text", ""))
                .post("/api/v1/cases/{id}/replies", caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void aDeliveryReportForAReplyNobodyRequestedIsDeadLettered() {
        UUID unknown = UUID.randomUUID();
        TestEvents.publish(
                EventType.REPLY_DELIVERED,
                "x:acme:thread:none",
                new ReplyDelivered(
                        unknown, UUID.randomUUID(), "x:acme:thread:none", Channel.X, "tw-1", 1, Instant.now()));
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        io.webcare.testsupport.RealKafkaBroker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlq-check-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.REPLIES_DELIVERY)));
            var seen = new java.util.ArrayList<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> r.value().contains(unknown.toString()));
            });
            var parked = seen.stream()
                    .filter(r -> r.value().contains(unknown.toString()))
                    .findFirst()
                    .orElseThrow();
            var reason = parked.headers().lastHeader("dead-letter-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("no reply " + unknown);
        }
    }

    private static void delivered(ReplyRequested requested) {
        TestEvents.publish(
                EventType.REPLY_DELIVERED,
                requested.conversationKey(),
                new ReplyDelivered(
                        requested.replyId(),
                        requested.caseId(),
                        requested.conversationKey(),
                        requested.channel(),
                        "platform-" + requested.replyId(),
                        1,
                        Instant.now()));
    }
}

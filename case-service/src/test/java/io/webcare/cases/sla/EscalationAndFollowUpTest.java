package io.webcare.cases.sla;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.command;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseEscalated;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
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
class EscalationAndFollowUpTest {
    private static final String TEAM = "complaints";
    private static final String AGENT = TestTokens.agent(TEAM);

    @Test
    void anSlaBreachRaisesPriorityFlagsTheCaseAndAnnouncesTheEscalationOnce() {
        UUID caseId = deliver(routed(conversation(), author("u-e1"), TEAM, "Nog steeds niks", List.of()), TEAM);
        Instant now = Instant.now();
        var breach = new SlaBreached(caseId, SlaClock.FIRST_RESPONSE, TEAM, 3, 1, 2, now, now, now);
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(EventType.SLA_BREACHED, caseId.toString(), breach, eventId);
        TestEvents.publish(EventType.SLA_BREACHED, caseId.toString(), breach, eventId);

        try (var events = EventCapture.of(Topics.CASES)) {
            CaseEscalated escalated = events.<CaseEscalated>await(
                            EventType.CASE_ESCALATED, e -> e.caseId().equals(caseId))
                    .payload();
            assertThat(escalated.level()).isEqualTo(2);
            assertThat(escalated.priority()).isEqualTo(2);
            assertThat(escalated.by()).isEqualTo("sla");
            assertThat(events.allAfter(Duration.ofSeconds(2), EventType.CASE_ESCALATED, (CaseEscalated e) -> e.caseId()
                            .equals(caseId)))
                    .hasSize(1);
        }
        var view = CaseFixtures.get(caseId, AGENT);
        assertThat(view.getInt("priority")).isEqualTo(2);
        assertThat(view.getBoolean("flagged")).isTrue();
        assertThat(view.getInt("escalationLevel")).isEqualTo(2);
    }

    @Test
    void aResolvedIssueSendsTheProductOwnersMessageToEveryLinkedCaseOnceOnItsOwnChannel() {
        UUID onX = deliver(routed(conversation(), author("u-i1"), TEAM, "Factuur dubbel", List.of("billing")), TEAM);
        Instant closedWindow = Instant.now().minus(Duration.ofHours(1));
        UUID onWhatsApp = deliver(
                routed(
                        conversation(),
                        author("31687654321"),
                        TEAM,
                        "Dubbel betaald",
                        List.of("billing"),
                        Channel.WHATSAPP,
                        Visibility.PRIVATE,
                        3,
                        -0.4,
                        closedWindow),
                TEAM);
        UUID issueId = UUID.randomUUID();
        var resolved = new IssueResolved(
                issueId,
                "billing",
                "Double charge",
                "De dubbele afschrijving is teruggestort; excuses voor het gedoe.",
                List.of(onX, onWhatsApp, UUID.randomUUID()),
                "pieter",
                Instant.now());
        TestEvents.publish(EventType.FEEDBACK_ISSUE_RESOLVED, issueId.toString(), resolved);
        TestEvents.publish(EventType.FEEDBACK_ISSUE_RESOLVED, issueId.toString(), resolved); // a new event id

        try (var outbound = EventCapture.of(Topics.REPLIES_OUTBOUND)) {
            var followUps = outbound.<ReplyRequested>awaitCount(
                    EventType.REPLY_REQUESTED,
                    r -> r.caseId().equals(onX) || r.caseId().equals(onWhatsApp),
                    2,
                    Duration.ofSeconds(30));
            assertThat(outbound.allAfter(
                            Duration.ofSeconds(2),
                            EventType.REPLY_REQUESTED,
                            (ReplyRequested r) ->
                                    r.caseId().equals(onX) || r.caseId().equals(onWhatsApp)))
                    .hasSize(2);
            var x = followUps.stream()
                    .map(e -> e.payload())
                    .filter(r -> r.caseId().equals(onX))
                    .findFirst()
                    .orElseThrow();
            var wa = followUps.stream()
                    .map(e -> e.payload())
                    .filter(r -> r.caseId().equals(onWhatsApp))
                    .findFirst()
                    .orElseThrow();
            assertThat(x.channel()).isEqualTo(Channel.X);
            assertThat(x.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(x.text()).isEqualTo(resolved.customerMessage());
            assertThat(x.template()).isNull();
            assertThat(wa.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(wa.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(wa.recipientId()).isEqualTo("31687654321");
            assertThat(wa.template()).as("the reply window has closed").isEqualTo("issue_resolved");
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(CaseFixtures.get(onX, AGENT).getString("replies[0].kind"))
                        .isEqualTo("follow-up"));
    }

    @Test
    void theContactCentreRecordsSatisfactionAfterResolution() {
        UUID caseId = deliver(routed(conversation(), author("u-s1"), TEAM, "Opgelost?", List.of()), TEAM);
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType("application/json")
                .body(Map.of("scale", "csat", "score", 4))
                .post("/api/v1/cases/{id}/satisfaction", caseId)
                .then()
                .statusCode(409);
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "answered"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType("application/json")
                .body(Map.of("scale", "csat", "score", 9))
                .post("/api/v1/cases/{id}/satisfaction", caseId)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType("application/json")
                .body(Map.of("scale", "nps", "score", 9))
                .post("/api/v1/cases/{id}/satisfaction", caseId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType("application/json")
                .body(Map.of("scale", "nps", "score", 9))
                .post("/api/v1/cases/{id}/satisfaction", caseId)
                .then()
                .statusCode(201)
                .body("source", equalTo("contact-centre"));
        try (var events = EventCapture.of(Topics.CASES)) {
            CaseSatisfactionRecorded recorded = events.<CaseSatisfactionRecorded>await(
                            EventType.CASE_SATISFACTION_RECORDED,
                            s -> s.caseId().equals(caseId))
                    .payload();
            assertThat(recorded.scale()).isEqualTo("nps");
            assertThat(recorded.score()).isEqualTo(9);
        }
    }
}

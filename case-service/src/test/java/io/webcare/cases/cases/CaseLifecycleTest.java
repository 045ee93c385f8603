package io.webcare.cases.cases;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.command;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.etag;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.cases.support.TestClock;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseAssigned;
import io.webcare.contract.events.CaseClosed;
import io.webcare.contract.events.CaseMerged;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.events.MessageRouted;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(io.webcare.testsupport.WebcareTestInfrastructure.class)
class CaseLifecycleTest {
    private static final String TEAM = "complaints";
    private static final String AGENT = TestTokens.agent(TEAM);

    @Inject
    TestClock clock;

    @Test
    void aCaseIsClaimedPutOnWaitingResumedByTheCustomerAndResolvedAsAFirstTimeFix() {
        String conversation = conversation();
        var customer = author("u-" + UUID.randomUUID());
        UUID caseId =
                deliver(routed(conversation, customer, TEAM, "Mijn internet is traag", List.of("internet")), TEAM);

        command(caseId, AGENT, "claim", null)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("assigned"))
                .body("assignee", equalTo("agent-complaints"));
        command(caseId, AGENT, "waiting", null).then().statusCode(200).body("status", equalTo("waiting"));

        MessageRouted answer = routed(conversation, customer, TEAM, "Het modem is al herstart", List.of("internet"));
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, answer);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(CaseFixtures.get(caseId, AGENT).getString("status"))
                        .isEqualTo("assigned"));

        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolutionCode", equalTo("fixed"))
                .body("firstTimeFix", equalTo(true))
                .body("messages", hasSize(2));

        try (var events = EventCapture.of(Topics.CASES)) {
            CaseAssigned assigned = events.<CaseAssigned>await(
                            EventType.CASE_ASSIGNED, a -> a.caseId().equals(caseId))
                    .payload();
            assertThat(assigned.assignee()).isEqualTo("agent-complaints");
            assertThat(assigned.assignedBy()).isEqualTo("agent-complaints");
            events.await(EventType.CASE_WAITING, (CaseWaiting w) -> w.caseId().equals(caseId));
            var resolved = events.<CaseResolved>await(
                    EventType.CASE_RESOLVED, r -> r.caseId().equals(caseId));
            assertThat(resolved.key()).isEqualTo(caseId.toString());
            assertThat(resolved.payload().resolutionCode()).isEqualTo("fixed");
            assertThat(resolved.payload().firstTimeFix()).isTrue();
        }
        given().auth()
                .oauth2(AGENT)
                .get("/api/v1/cases/{id}/audit", caseId)
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("opened", "claimed", "waiting", "customer-answered", "resolved")));
    }

    @Test
    void aChangeBasedOnAnOutdatedVersionIsRefusedWithAConflict() {
        UUID caseId = deliver(routed(conversation(), author("u-1"), TEAM, "Factuur klopt niet", List.of()), TEAM);
        String seen = etag(caseId, AGENT);
        given().auth()
                .oauth2(TestTokens.teamLead(TEAM))
                .header("If-Match", seen)
                .contentType("application/json")
                .body(Map.of("assignee", "carla"))
                .post("/api/v1/cases/{id}/assign", caseId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(AGENT)
                .header("If-Match", seen)
                .post("/api/v1/cases/{id}/claim", caseId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changed since you read it"))
                .body("detail", containsString("assigned to carla"));
        given().auth()
                .oauth2(AGENT)
                .post("/api/v1/cases/{id}/claim", caseId)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        assertThat(CaseFixtures.get(caseId, AGENT).getString("assignee")).isEqualTo("carla");
    }

    @Test
    void twoAgentsClaimingAtTheSameMomentGetOneSuccessAndOneConflict() throws Exception {
        UUID caseId = deliver(routed(conversation(), author("u-c1"), TEAM, "Wie helpt mij?", List.of()), TEAM);
        String seen = etag(caseId, AGENT);
        var carla = TestTokens.token("carla", List.of("agent"), Map.of("team", TEAM));
        var chris = TestTokens.token("chris", List.of("agent"), Map.of("team", TEAM));
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var claims = List.of(carla, chris).stream()
                    .map(token -> pool.submit(() -> {
                        start.await();
                        return given().auth()
                                .oauth2(token)
                                .header("If-Match", seen)
                                .post("/api/v1/cases/{id}/claim", caseId)
                                .then()
                                .extract()
                                .statusCode();
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var claim : claims) {
                statuses.add(claim.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        }
        assertThat(CaseFixtures.get(caseId, AGENT).getString("assignee")).isIn("carla", "chris");
        assertThat(CaseFixtures.get(caseId, AGENT).getInt("version")).isEqualTo(1);
    }

    @Test
    void aCaseAssignedToSomeoneElseCannotBeClaimed() {
        UUID caseId = deliver(routed(conversation(), author("u-2"), TEAM, "Pakket kwijt", List.of()), TEAM);
        command(caseId, TestTokens.teamLead(TEAM), "assign", Map.of("assignee", "cees"))
                .then()
                .statusCode(200);
        command(caseId, AGENT, "claim", null)
                .then()
                .statusCode(409)
                .body("detail", containsString("already assigned to cees"));
    }

    @Test
    void aCustomerMessageWithinTheReopenPeriodReopensTheCaseWhichIsThenNoFirstTimeFix() {
        String conversation = conversation();
        var customer = author("u-" + UUID.randomUUID());
        UUID caseId = deliver(routed(conversation, customer, TEAM, "Storing", List.of("outage")), TEAM);
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                .then()
                .statusCode(200);

        MessageRouted again = routed(conversation, customer, TEAM, "Het werkt weer niet!", List.of("outage"));
        TestEvents.publish(EventType.MESSAGE_ROUTED, conversation, again);
        assertThat(CaseFixtures.caseOf(again.message().messageId(), TEAM)).isEqualTo(caseId);
        var reopened = CaseFixtures.get(caseId, AGENT);
        assertThat(reopened.getString("status")).isEqualTo("new");
        assertThat(reopened.getInt("reopenCount")).isEqualTo(1);
        assertThat(reopened.getBoolean("flagged")).isTrue();

        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                .then()
                .statusCode(200)
                .body("firstTimeFix", equalTo(false));
        try (var events = EventCapture.of(Topics.CASES)) {
            CaseReopened event = events.<CaseReopened>await(
                            EventType.CASE_REOPENED, r -> r.caseId().equals(caseId))
                    .payload();
            assertThat(event.reason()).isEqualTo("customer-message");
            assertThat(event.boomerang()).isTrue();
            assertThat(event.by()).isNull();
        }
    }

    @Test
    void afterTheReopenPeriodTheOldCaseClosesAndANewBoomerangCaseOpensForTheSameTeam() {
        String conversation = conversation();
        var customer = author("u-" + UUID.randomUUID());
        UUID first = deliver(routed(conversation, customer, TEAM, "Geen tv-signaal", List.of("tv")), TEAM);
        command(first, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                .then()
                .statusCode(200);

        clock.advance(Duration.ofDays(4));
        try {
            // routing sends it to webcare this time; the boomerang goes back to the team that had it
            MessageRouted later = routed(conversation, customer, "webcare", "Weer geen tv-signaal", List.of("tv"));
            UUID second = deliver(later, TEAM);
            assertThat(second).isNotEqualTo(first);
            assertThat(CaseFixtures.get(first, AGENT).getString("status")).isEqualTo("closed");
            var boomerang = CaseFixtures.get(second, AGENT);
            assertThat(boomerang.getString("boomerangOf")).isEqualTo(first.toString());
            assertThat(boomerang.getBoolean("flagged")).isTrue();
            command(first, AGENT, "reopen", null).then().statusCode(409);
            command(second, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                    .then()
                    .statusCode(200)
                    .body("firstTimeFix", equalTo(false));

            try (var events = EventCapture.of(Topics.CASES)) {
                CaseClosed closed = events.<CaseClosed>await(
                                EventType.CASE_CLOSED, c -> c.caseId().equals(first))
                        .payload();
                assertThat(closed.reason()).isEqualTo("reopen-period-ended");
                CaseOpened opened = events.<CaseOpened>await(
                                EventType.CASE_OPENED, o -> o.caseId().equals(second))
                        .payload();
                assertThat(opened.boomerangOf()).isEqualTo(first);
                assertThat(opened.team()).isEqualTo(TEAM);
                assertThat(opened.customerId()).isNotNull();
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void anAgentReopensAResolvedCaseWithinThePeriod() {
        UUID caseId = deliver(routed(conversation(), author("u-3"), TEAM, "Rekening", List.of()), TEAM);
        command(caseId, AGENT, "claim", null).then().statusCode(200);
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "answered"))
                .then()
                .statusCode(200);
        command(caseId, AGENT, "reopen", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("assigned"))
                .body("reopenCount", equalTo(1));
        command(caseId, AGENT, "resolve", Map.of("resolutionCode", "no-such-code"))
                .then()
                .statusCode(400)
                .body("detail", containsString("no-such-code"));
    }

    @Test
    void aTeamLeadTransfersACaseToAnotherTeamWithAnAuditEntry() {
        UUID caseId = deliver(routed(conversation(), author("u-4"), TEAM, "Vraag over bundel", List.of()), TEAM);
        command(caseId, AGENT, "transfer", Map.of("toTeam", "webcare", "reason", "a question"))
                .then()
                .statusCode(403);
        command(caseId, TestTokens.teamLead("webcare"), "transfer", Map.of("toTeam", "webcare", "reason", "x"))
                .then()
                .statusCode(403);
        command(caseId, TestTokens.teamLead(TEAM), "transfer", Map.of("toTeam", "webcare", "reason", "a question"))
                .then()
                .statusCode(200)
                .body("team", equalTo("webcare"));

        given().auth().oauth2(AGENT).get("/api/v1/cases/{id}", caseId).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .get("/api/v1/cases/{id}/audit", caseId)
                .then()
                .statusCode(200)
                .body("find { it.action == 'transferred' }.actor", equalTo("lead-complaints"))
                .body("find { it.action == 'transferred' }.detail", containsString("from complaints to webcare"));
        try (var events = EventCapture.of(Topics.CASES)) {
            CaseTransferred transferred = events.<CaseTransferred>await(
                            EventType.CASE_TRANSFERRED, t -> t.caseId().equals(caseId))
                    .payload();
            assertThat(transferred.fromTeam()).isEqualTo(TEAM);
            assertThat(transferred.toTeam()).isEqualTo("webcare");
            assertThat(transferred.switchSlaPolicy()).isFalse();
        }
    }

    @Test
    void aDuplicateIsMergedIntoAnotherCaseWithItsMessages() {
        var customer = author("u-" + UUID.randomUUID());
        UUID kept = deliver(routed(conversation(), customer, TEAM, "Storing Utrecht", List.of("outage")), TEAM);
        UUID duplicate = deliver(routed(conversation(), customer, TEAM, "Nog steeds storing", List.of("outage")), TEAM);

        command(duplicate, AGENT, "merge", Map.of("intoCaseId", kept.toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("mergedInto", equalTo(kept.toString()));
        assertThat(CaseFixtures.get(kept, AGENT).getList("messages.text"))
                .containsExactlyInAnyOrder("Storing Utrecht", "Nog steeds storing");
        try (var events = EventCapture.of(Topics.CASES)) {
            CaseMerged merged = events.<CaseMerged>await(
                            EventType.CASE_MERGED, m -> m.caseId().equals(duplicate))
                    .payload();
            assertThat(merged.intoCaseId()).isEqualTo(kept);
            assertThat(events.<CaseClosed>await(
                                    EventType.CASE_CLOSED, c -> c.caseId().equals(duplicate))
                            .payload()
                            .reason())
                    .isEqualTo("merged");
        }
    }

    @Test
    void notesAndTagsAreKeptAndTheQueueFiltersByTag() {
        UUID caseId = deliver(routed(conversation(), author("u-5"), TEAM, "Modem stuk", List.of()), TEAM);
        String tag = "modem-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("text", "Klant belde ook al via telefoon"))
                .post("/api/v1/cases/{id}/notes", caseId)
                .then()
                .statusCode(201)
                .body("author", equalTo("agent-complaints"));
        given().auth()
                .oauth2(AGENT)
                .header("If-Match", etag(caseId, AGENT))
                .contentType("application/json")
                .body(Map.of("tags", List.of(tag, "hardware")))
                .put("/api/v1/cases/{id}/tags", caseId)
                .then()
                .statusCode(200)
                .body("tags", org.hamcrest.Matchers.containsInAnyOrder(tag, "hardware"))
                .body("notes[0].text", equalTo("Klant belde ook al via telefoon"));
        given().auth()
                .oauth2(AGENT)
                .queryParam("tag", tag)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].caseId", equalTo(caseId.toString()));
        given().auth()
                .oauth2(AGENT)
                .header("If-Match", etag(caseId, AGENT))
                .contentType("application/json")
                .body(Map.of("tags", List.of("no spaces allowed")))
                .put("/api/v1/cases/{id}/tags", caseId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theQueueShowsTheCaseDueSoonestFirstThenTheHigherPriority() {
        String team = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = TestTokens.agent(team);
        UUID dueLater = deliver(
                routed(
                        conversation(),
                        author("u-6"),
                        team,
                        "a",
                        List.of(),
                        io.webcare.contract.events.Channel.X,
                        io.webcare.contract.events.Visibility.PUBLIC,
                        1,
                        0,
                        null),
                team);
        UUID dueSoon = deliver(
                routed(
                        conversation(),
                        author("u-7"),
                        team,
                        "b",
                        List.of(),
                        io.webcare.contract.events.Channel.X,
                        io.webcare.contract.events.Visibility.PUBLIC,
                        3,
                        0,
                        null),
                team);
        UUID noClockP2 = deliver(
                routed(
                        conversation(),
                        author("u-8"),
                        team,
                        "c",
                        List.of(),
                        io.webcare.contract.events.Channel.FACEBOOK,
                        io.webcare.contract.events.Visibility.PUBLIC,
                        2,
                        0,
                        null),
                team);
        UUID noClockP4 = deliver(
                routed(
                        conversation(),
                        author("u-9"),
                        team,
                        "d",
                        List.of(),
                        io.webcare.contract.events.Channel.X,
                        io.webcare.contract.events.Visibility.PUBLIC,
                        4,
                        0,
                        null),
                team);
        var now = java.time.Instant.now();
        TestEvents.publish(
                EventType.SLA_CLOCK_STARTED,
                dueLater.toString(),
                new io.webcare.contract.events.SlaClockStarted(
                        dueLater,
                        io.webcare.contract.events.SlaClock.FIRST_RESPONSE,
                        team,
                        1,
                        1,
                        now,
                        now.plusSeconds(2700),
                        now.plusSeconds(3600)));
        TestEvents.publish(
                EventType.SLA_CLOCK_STARTED,
                dueSoon.toString(),
                new io.webcare.contract.events.SlaClockStarted(
                        dueSoon,
                        io.webcare.contract.events.SlaClock.FIRST_RESPONSE,
                        team,
                        3,
                        1,
                        now,
                        now.plusSeconds(600),
                        now.plusSeconds(900)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth()
                        .oauth2(agent)
                        .get("/api/v1/cases")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.caseId", String.class))
                .containsExactly(dueSoon.toString(), dueLater.toString(), noClockP2.toString(), noClockP4.toString()));
        given().auth()
                .oauth2(agent)
                .queryParam("channel", "facebook")
                .get("/api/v1/cases")
                .then()
                .body("items.caseId", equalTo(List.of(noClockP2.toString())));
        given().auth()
                .oauth2(agent)
                .queryParam("priority", 4)
                .queryParam("size", 1)
                .get("/api/v1/cases")
                .then()
                .body("items.caseId", equalTo(List.of(noClockP4.toString())))
                .body("total", equalTo(1));
        given().auth()
                .oauth2(agent)
                .queryParam("status", "resolved")
                .get("/api/v1/cases")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(agent)
                .queryParam("status", "bogus")
                .get("/api/v1/cases")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(agent)
                .queryParam("team", TEAM)
                .get("/api/v1/cases")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("team", team)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("total", equalTo(4));
    }

    @Test
    void rolesDecideWhoReadsAndWhoChanges() {
        UUID caseId = deliver(routed(conversation(), author("u-10"), TEAM, "Hallo", List.of()), TEAM);
        given().get("/api/v1/cases").then().statusCode(401);
        given().post("/api/v1/cases/{id}/claim", caseId).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.integration())
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(200);
        command(caseId, TestTokens.analyst(), "claim", null)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        command(caseId, TestTokens.agent("webcare"), "claim", null).then().statusCode(403);
        command(caseId, AGENT, "assign", Map.of("assignee", "carla")).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.productOwner("billing"))
                .get("/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(403);
    }
}

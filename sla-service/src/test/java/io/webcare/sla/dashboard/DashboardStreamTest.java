package io.webcare.sla.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.sla.support.CaseEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class DashboardStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/dashboard/events")
    URI events;

    @Test
    void aCaseEventOnKafkaPushesAnUpdatedSnapshotToTheTeamsDashboard() throws Exception {
        String team = newTeam();
        try (SnapshotStream stream = new SnapshotStream(events, TestTokens.teamLead(team))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            JsonNode first = stream.next(WAIT);
            assertThat(first.path("viewer").asText()).isEqualTo("lead-" + team);
            assertThat(board(first, team).path("openCases").asLong()).isZero();

            CaseOpened opened = CaseEvents.opened(team, Channel.WHATSAPP, Instant.now());
            CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);

            JsonNode updated = stream.until(
                            s -> board(s, team).path("openCases").asLong() == 1, WAIT)
                    .getLast();
            JsonNode board = board(updated, team);
            assertThat(board.path("closestToBreach"))
                    .as("the new case's clocks, soonest due first")
                    .extracting(q -> q.path("clock").asText())
                    .containsExactly("first-response", "resolution");
            JsonNode firstResponse = board.path("closestToBreach").get(0);
            assertThat(firstResponse.path("caseId").asText())
                    .isEqualTo(opened.caseId().toString());
            assertThat(firstResponse.path("priority").asInt()).isEqualTo(2);
            assertThat(firstResponse.path("channel").asText()).isEqualTo("whatsapp");
            assertThat(firstResponse.path("dueInSeconds").asLong()).isBetween(3000L, 3600L); // first response PT1H
            assertThat(board.path("overdue")).isEmpty();
            assertThat(board.path("figures").path("casesOpened").asLong()).isEqualTo(1);
            JsonNode series = board.path("series");
            assertThat(series).hasSize(72); // 6 hours of 5 minutes
            assertThat(series.get(71).path("opened").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aCaseUnansweredPastItsFirstResponseTargetIsOverdueAndABreachInTheChart() throws Exception {
        String team = newTeam();
        CaseOpened opened = CaseEvents.opened(team, Channel.X, Instant.now().minus(Duration.ofMinutes(80)));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);

        try (SnapshotStream stream = new SnapshotStream(events, TestTokens.teamLead(team))) {
            JsonNode board = board(
                    stream.until(s -> board(s, team).path("overdue").size() == 1, WAIT)
                            .getLast(),
                    team);

            JsonNode overdue = board.path("overdue").get(0);
            assertThat(overdue.path("caseId").asText())
                    .isEqualTo(opened.caseId().toString());
            assertThat(overdue.path("clock").asText()).isEqualTo("first-response");
            assertThat(overdue.path("dueInSeconds").asLong()).isBetween(-21 * 60L, -19 * 60L); // due 20 min ago
            assertThat(board.path("closestToBreach"))
                    .extracting(q -> q.path("clock").asText())
                    .containsExactly("resolution");
            long breaches = 0;
            for (JsonNode bucket : board.path("series")) {
                breaches += bucket.path("breaches").asLong();
            }
            assertThat(breaches).isEqualTo(1);
        }
    }

    @Test
    void aBurstOfCaseEventsArrivesAsFewSnapshots() throws Exception {
        String team = newTeam();
        try (SnapshotStream stream = new SnapshotStream(events, TestTokens.agent(team))) {
            stream.next(WAIT);
            for (int i = 0; i < 20; i++) {
                CaseOpened opened = CaseEvents.opened(team, Channel.X, Instant.now());
                CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
            }

            List<JsonNode> read =
                    stream.until(s -> board(s, team).path("openCases").asLong() == 20, WAIT);

            // One push per debounce interval (0.5 s), not one per event.
            assertThat(read).hasSizeLessThan(10);
            assertThat(board(read.getLast(), team).path("closestToBreach")).hasSize(DashboardService.QUEUE_SIZE);
        }
    }

    @Test
    void agentsAndLeadsSeeTheirOwnTeamAnalystsEveryTeam() throws Exception {
        String team = newTeam();
        String other = newTeam();
        for (String t : List.of(team, other)) {
            CaseOpened opened = CaseEvents.opened(t, Channel.FACEBOOK, Instant.now());
            CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        }
        try (SnapshotStream analyst = new SnapshotStream(events, TestTokens.analyst())) {
            JsonNode all = analyst.until(s -> teams(s).containsAll(List.of(team, other)), WAIT)
                    .getLast();
            assertThat(all.path("allTeams").asBoolean()).isTrue();
        }
        try (SnapshotStream agent = new SnapshotStream(events, TestTokens.agent(team))) {
            JsonNode own = agent.next(WAIT);
            assertThat(teams(own)).containsExactly(team);
            assertThat(own.path("allTeams").asBoolean()).isFalse();
        }
    }

    @Test
    void aUserWithoutADashboardRoleIsRefused() {
        given().auth()
                .oauth2(TestTokens.productOwner("billing"))
                .accept("text/event-stream")
                .get("/dashboard/events")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.productOwner("billing"))
                .get("/dashboard")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("product-owner"), containsString("agents, team"));
        given().auth()
                .oauth2(TestTokens.token("no-team", List.of("agent"), java.util.Map.of()))
                .get("/dashboard/snapshot")
                .then()
                .statusCode(403)
                .body("detail", containsString("no team"));
    }

    @Test
    void thePageIsServedToAViewerWithItsScriptAndStyles() {
        given().auth()
                .oauth2(TestTokens.teamLead("complaints"))
                .get("/dashboard")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/dashboard/assets/dashboard.js"));
        given().auth()
                .oauth2(TestTokens.teamLead("complaints"))
                .get("/dashboard/assets/dashboard.js")
                .then()
                .statusCode(200)
                .body(containsString("new EventSource(\"/dashboard/events\")"));
        given().get("/dashboard/snapshot").then().statusCode(401);
    }

    private static String newTeam() {
        return "dash-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> teams(JsonNode snapshot) {
        List<String> names = new ArrayList<>();
        snapshot.path("teams").forEach(t -> names.add(t.path("team").asText()));
        return names;
    }

    private static JsonNode board(JsonNode snapshot, String team) {
        return StreamSupport.stream(snapshot.path("teams").spliterator(), false)
                .filter(t -> t.path("team").asText().equals(team))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no board of team " + team + " in " + snapshot));
    }
}

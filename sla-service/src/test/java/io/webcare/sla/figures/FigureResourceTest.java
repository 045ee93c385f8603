package io.webcare.sla.figures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import io.webcare.sla.support.CaseEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class FigureResourceTest {

    static JsonPath figures(String team, String channel) {
        return given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("team", team)
                .queryParam("channel", channel)
                .get("/api/v1/figures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void answerAndResolve(CaseOpened c, Duration replyAfter, Duration resolveAfter, boolean firstTimeFix) {
        Instant delivered = c.firstMessageAt().plus(replyAfter);
        CaseEvents.publish(
                EventType.CASE_REPLIED,
                c.caseId(),
                new CaseReplied(
                        c.caseId(),
                        UUID.randomUUID(),
                        c.team(),
                        "carla",
                        c.channel(),
                        Visibility.PUBLIC,
                        true,
                        delivered,
                        delivered));
        CaseEvents.publish(
                EventType.CASE_RESOLVED,
                c.caseId(),
                new CaseResolved(
                        c.caseId(),
                        c.team(),
                        "carla",
                        "fixed",
                        firstTimeFix,
                        c.openedAt().plus(resolveAfter)));
    }

    @Test
    void figuresShowSharesWithinTargetBusinessTimesRatesAndSatisfactionPerTeamAndChannel() {
        String team = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        CaseOpened fast = CaseEvents.opened(team, Channel.X, start);
        CaseOpened slow = CaseEvents.opened(team, Channel.X, start);
        CaseOpened open = CaseEvents.opened(team, Channel.X, start); // never answered: breached and still open
        CaseOpened other = CaseEvents.opened(team, Channel.FACEBOOK, start);
        for (CaseOpened c : new CaseOpened[] {fast, slow, open, other}) {
            CaseEvents.publish(EventType.CASE_OPENED, c.caseId(), c);
        }
        answerAndResolve(fast, Duration.ofMinutes(10), Duration.ofMinutes(30), true);
        answerAndResolve(slow, Duration.ofMinutes(90), Duration.ofHours(2), false);
        answerAndResolve(other, Duration.ofMinutes(20), Duration.ofHours(1), true);
        CaseEvents.publish(
                EventType.CASE_SATISFACTION_RECORDED,
                fast.caseId(),
                new CaseSatisfactionRecorded(fast.caseId(), team, "csat", 5, "customer-reply", Instant.now()));
        CaseEvents.publish(
                EventType.CASE_SATISFACTION_RECORDED,
                slow.caseId(),
                new CaseSatisfactionRecorded(slow.caseId(), team, "csat", 2, "customer-reply", Instant.now()));
        CaseEvents.publish(
                EventType.CASE_SATISFACTION_RECORDED,
                fast.caseId(),
                new CaseSatisfactionRecorded(fast.caseId(), team, "nps", 10, "contact-centre", Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath x = figures(team, "x");
            assertThat(x.getInt("firstResponse.finished")).isEqualTo(2);
            assertThat(x.getInt("csat.responses")).isEqualTo(2);
            assertThat(x.getInt("nps.responses")).isEqualTo(1);
            assertThat(x.getInt("openBreaches")).isEqualTo(1);
        });
        JsonPath x = figures(team, "x");
        assertThat(x.getInt("firstResponse.met")).isEqualTo(1);
        assertThat(x.getDouble("firstResponse.shareMet")).isEqualTo(0.5);
        assertThat(x.getLong("firstResponse.medianSeconds")).isEqualTo(50 * 60); // of 10 and 90 minutes
        assertThat(x.getLong("firstResponse.p90Seconds")).isEqualTo(82 * 60);
        assertThat(x.getInt("resolution.finished")).isEqualTo(2);
        assertThat(x.getDouble("resolution.shareMet")).isEqualTo(1.0);
        assertThat(x.getInt("casesOpened")).isEqualTo(3);
        assertThat(x.getInt("casesResolved")).isEqualTo(2);
        assertThat(x.getDouble("firstTimeFixRate")).isEqualTo(0.5);
        assertThat(x.getDouble("boomerangRate")).isEqualTo(0.0);
        assertThat(x.getDouble("csat.score")).isEqualTo(3.5);
        assertThat(x.getDouble("nps.score")).isEqualTo(100.0);

        JsonPath all = figures(team, null);
        assertThat(all.getInt("firstResponse.finished")).isEqualTo(3);
        assertThat(all.getInt("casesOpened")).isEqualTo(4);

        // A stricter policy (first response 15 min) as version 2: replaying the same answers under it.
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("""
                        {"defaults": {"firstResponse": "PT15M", "resolution": "PT24H"}}""")
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(200);
        JsonPath replay = given().auth()
                .oauth2(TestTokens.teamLead(team))
                .queryParam("team", team)
                .queryParam("version", 2)
                .get("/api/v1/figures/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(replay.getInt("firstResponse.finished")).isEqualTo(3); // 10, 90 and 20 minutes
        assertThat(replay.getInt("firstResponse.metAsRun")).isEqualTo(2);
        assertThat(replay.getInt("firstResponse.metUnderVersion")).isEqualTo(1);
        assertThat(replay.getInt("resolution.metUnderVersion")).isEqualTo(3);
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("team", team)
                .queryParam("version", 7)
                .get("/api/v1/figures/replay")
                .then()
                .statusCode(404);
    }

    @Test
    void teamLeadsReadTheirOwnTeamOnlyAndBadParametersAreProblems() {
        given().auth()
                .oauth2(TestTokens.teamLead("complaints"))
                .queryParam("team", "complaints")
                .get("/api/v1/figures")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.teamLead("complaints"))
                .queryParam("team", "webcare")
                .get("/api/v1/figures")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .get("/api/v1/figures")
                .then()
                .statusCode(403);
        given().get("/api/v1/figures").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("channel", "pigeon")
                .get("/api/v1/figures")
                .then()
                .statusCode(400)
                .body("detail", containsString("pigeon"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("from", "yesterday")
                .get("/api/v1/figures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}

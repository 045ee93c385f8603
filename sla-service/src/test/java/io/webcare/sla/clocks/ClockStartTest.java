package io.webcare.sla.clocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.testsupport.CapturedEvent;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ClockStartTest {

    static CaseOpened caseOpened(String team, boolean slaApplies) {
        Instant firstMessageAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        UUID caseId = UUID.randomUUID();
        return new CaseOpened(
                caseId,
                "x:acme:post:" + caseId,
                team,
                2,
                Channel.X,
                "@klant",
                UUID.randomUUID(),
                slaApplies ? Intent.COMPLAINT : Intent.RANT,
                List.of("billing"),
                slaApplies,
                firstMessageAt,
                firstMessageAt.plusSeconds(2),
                UUID.randomUUID(),
                null);
    }

    @Test
    void openedCaseStartsFirstResponseAndResolutionClocksWithDefaultTargets() {
        CaseOpened opened = caseOpened("complaints", true);
        TestEvents.publish(EventType.CASE_OPENED, opened.caseId().toString(), opened);

        Map<SlaClock, SlaClockStarted> started;
        try (var sla = EventCapture.of(Topics.SLA)) {
            List<CapturedEvent<SlaClockStarted>> events = sla.awaitCount(
                    EventType.SLA_CLOCK_STARTED,
                    (SlaClockStarted s) -> s.caseId().equals(opened.caseId()),
                    2,
                    Duration.ofSeconds(30));
            assertThat(events).allSatisfy(e -> assertThat(e.key())
                    .isEqualTo(opened.caseId().toString()));
            started = events.stream()
                    .map(CapturedEvent::payload)
                    .collect(Collectors.toMap(SlaClockStarted::clock, s -> s));
        }
        SlaClockStarted firstResponse = started.get(SlaClock.FIRST_RESPONSE);
        assertThat(firstResponse.startedAt()).isEqualTo(opened.firstMessageAt());
        assertThat(firstResponse.dueAt()).isEqualTo(opened.firstMessageAt().plus(1, ChronoUnit.HOURS));
        assertThat(firstResponse.warnAt()).isEqualTo(opened.firstMessageAt().plus(45, ChronoUnit.MINUTES));
        SlaClockStarted resolution = started.get(SlaClock.RESOLUTION);
        assertThat(resolution.startedAt()).isEqualTo(opened.openedAt());
        assertThat(resolution.dueAt()).isEqualTo(opened.openedAt().plus(24, ChronoUnit.HOURS));

        given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .queryParam("caseId", opened.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(200)
                .body("clock", containsInAnyOrder("first-response", "resolution"))
                .body("status", containsInAnyOrder("running", "running"));
    }

    @Test
    void clocksAreReadableByTheCaseTeamAndAnalystsOnly() {
        CaseOpened opened = caseOpened("complaints", true);
        TestEvents.publish(EventType.CASE_OPENED, opened.caseId().toString(), opened);
        try (var sla = EventCapture.of(Topics.SLA)) {
            sla.await(EventType.SLA_CLOCK_STARTED, (SlaClockStarted s) -> s.caseId()
                    .equals(opened.caseId()));
        }
        given().queryParam("caseId", opened.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .queryParam("caseId", opened.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("caseId", opened.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(200);
    }

    @Test
    void aWatchedRantGetsNoClocksAndTheSameEventTwiceStartsClocksOnce() {
        CaseOpened rant = caseOpened("webcare", false);
        CaseOpened complaint = caseOpened("complaints", true);
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(EventType.CASE_OPENED, rant.caseId().toString(), rant);
        TestEvents.publish(EventType.CASE_OPENED, complaint.caseId().toString(), complaint, eventId);
        TestEvents.publish(EventType.CASE_OPENED, complaint.caseId().toString(), complaint, eventId);

        try (var sla = EventCapture.of(Topics.SLA)) {
            sla.awaitCount(
                    EventType.SLA_CLOCK_STARTED,
                    (SlaClockStarted s) -> s.caseId().equals(complaint.caseId()),
                    2,
                    Duration.ofSeconds(30));
            assertThat(sla.allAfter(
                            Duration.ofSeconds(2), EventType.SLA_CLOCK_STARTED, (SlaClockStarted s) -> s.caseId()
                                    .equals(complaint.caseId())))
                    .hasSize(2);
            assertThat(sla.allAfter(Duration.ZERO, EventType.SLA_CLOCK_STARTED, (SlaClockStarted s) -> s.caseId()
                            .equals(rant.caseId())))
                    .isEmpty();
        }
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .queryParam("caseId", rant.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(404);
    }
}

package io.webcare.sla.clocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockPaused;
import io.webcare.contract.events.SlaClockResumed;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.SlaClockStopped;
import io.webcare.contract.events.SlaWarning;
import io.webcare.contract.events.Visibility;
import io.webcare.sla.support.CaseEvents;
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
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ClockLifecycleTest {

    static String newTeam() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> clock(UUID caseId, String name) {
        List<Map<String, Object>> clocks = given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("caseId", caseId)
                .get("/api/v1/clocks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return clocks.stream()
                .filter(c -> name.equals(c.get("clock")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " clock on " + caseId));
    }

    static CaseReplied reply(CaseOpened opened, boolean first, Instant deliveredAt) {
        return new CaseReplied(
                opened.caseId(),
                UUID.randomUUID(),
                opened.team(),
                "carla",
                opened.channel(),
                Visibility.PUBLIC,
                first,
                deliveredAt.minusSeconds(1),
                deliveredAt);
    }

    static void putPolicy(String team, String json) {
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(json)
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(200);
    }

    @Test
    void thresholdsThatFellDueWhileNobodyLookedAreEachAnnouncedOnceInOrder() {
        // The case's first message came 2 h 5 min ago: warning (45 min), breach (1 h) and level 2 (2 h) are all due.
        CaseOpened opened =
                CaseEvents.opened(newTeam(), Channel.X, Instant.now().minus(Duration.ofMinutes(125)));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);

        try (var sla = EventCapture.of(Topics.SLA)) {
            List<CapturedEvent<SlaBreached>> breaches = sla.awaitCount(
                    EventType.SLA_BREACHED,
                    (SlaBreached b) -> b.caseId().equals(opened.caseId()),
                    2,
                    Duration.ofSeconds(30));
            assertThat(breaches).extracting(e -> e.payload().escalationLevel()).containsExactly(1, 2);
            assertThat(breaches.get(0).payload().breachAt())
                    .isEqualTo(opened.firstMessageAt().plus(1, ChronoUnit.HOURS));
            assertThat(breaches.get(1).payload().breachAt())
                    .isEqualTo(opened.firstMessageAt().plus(2, ChronoUnit.HOURS));
            assertThat(breaches).allSatisfy(b -> assertThat(b.payload().clock()).isEqualTo(SlaClock.FIRST_RESPONSE));
            List<CapturedEvent<SlaWarning>> warnings =
                    sla.allAfter(Duration.ofSeconds(2), EventType.SLA_WARNING, (SlaWarning w) -> w.caseId()
                            .equals(opened.caseId()));
            assertThat(warnings).singleElement().satisfies(w -> {
                assertThat(w.payload().thresholdPercent()).isEqualTo(75);
                assertThat(w.payload().warnAt())
                        .isEqualTo(opened.firstMessageAt().plus(45, ChronoUnit.MINUTES));
                assertThat(w.payload().clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
            });
            assertThat(sla.allAfter(Duration.ZERO, EventType.SLA_BREACHED, (SlaBreached b) -> b.caseId()
                            .equals(opened.caseId())))
                    .hasSize(2);
        }
        Map<String, Object> fr = clock(opened.caseId(), "first-response");
        assertThat(fr.get("status")).isEqualTo("overdue");
        assertThat(fr.get("escalationLevel")).isEqualTo(2);
        assertThat(fr.get("nextDueAt")).isNull();
    }

    @Test
    void theFirstDeliveredReplyStopsFirstResponseWithinTarget() {
        CaseOpened opened =
                CaseEvents.opened(newTeam(), Channel.X, Instant.now().minus(Duration.ofMinutes(20)));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        Instant deliveredAt = opened.firstMessageAt().plus(Duration.ofMinutes(15));
        CaseEvents.publish(EventType.CASE_REPLIED, opened.caseId(), reply(opened, true, deliveredAt));

        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockStopped stopped = sla.<SlaClockStopped>await(
                            EventType.SLA_CLOCK_STOPPED, s -> s.caseId().equals(opened.caseId()))
                    .payload();
            assertThat(stopped.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
            assertThat(stopped.met()).isTrue();
            assertThat(stopped.elapsedBusinessSeconds()).isEqualTo(15 * 60);
            assertThat(stopped.stoppedAt()).isEqualTo(deliveredAt);
        }
        assertThat(clock(opened.caseId(), "first-response").get("status")).isEqualTo("met");
        assertThat(clock(opened.caseId(), "resolution").get("status")).isEqualTo("running");
    }

    @Test
    void waitingOnTheCustomerPausesResolutionAndTheirAnswerResumesItWithTheDueTimeMoved() {
        Instant openedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        CaseOpened opened = CaseEvents.opened(newTeam(), Channel.X, openedAt);
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        Instant waitingSince = openedAt.plus(Duration.ofHours(1));
        Instant answeredAt = openedAt.plus(Duration.ofHours(2));
        CaseEvents.publish(
                EventType.CASE_WAITING,
                opened.caseId(),
                new CaseWaiting(opened.caseId(), opened.team(), "carla", waitingSince));
        CaseEvents.publish(
                EventType.CASE_MESSAGE_ADDED,
                opened.caseId(),
                new CaseMessageAdded(opened.caseId(), UUID.randomUUID(), opened.team(), answeredAt, answeredAt));

        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockPaused paused = sla.<SlaClockPaused>await(
                            EventType.SLA_CLOCK_PAUSED, p -> p.caseId().equals(opened.caseId()))
                    .payload();
            assertThat(paused.clock()).isEqualTo(SlaClock.RESOLUTION);
            assertThat(paused.pausedAt()).isEqualTo(waitingSince);
            SlaClockResumed resumed = sla.<SlaClockResumed>await(
                            EventType.SLA_CLOCK_RESUMED, r -> r.caseId().equals(opened.caseId()))
                    .payload();
            assertThat(resumed.resumedAt()).isEqualTo(answeredAt);
            assertThat(resumed.dueAt()).isEqualTo(openedAt.plus(Duration.ofHours(25)));
            assertThat(resumed.warnAt()).isEqualTo(openedAt.plus(Duration.ofHours(19)));
        }
        Map<String, Object> resolution = clock(opened.caseId(), "resolution");
        assertThat(resolution.get("status")).isEqualTo("running");
        assertThat(((Number) resolution.get("countedMillis")).longValue()).isEqualTo(3_600_000);
    }

    @Test
    void resolvingStopsTheClocksAndAReopenStartsANewResolutionTarget() {
        CaseOpened opened =
                CaseEvents.opened(newTeam(), Channel.X, Instant.now().minus(Duration.ofHours(2)));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        Instant resolvedAt = opened.openedAt().plus(Duration.ofMinutes(30));
        Instant reopenedAt = opened.openedAt().plus(Duration.ofMinutes(90));
        CaseEvents.publish(
                EventType.CASE_RESOLVED,
                opened.caseId(),
                new CaseResolved(opened.caseId(), opened.team(), "carla", "fixed", true, resolvedAt));
        CaseEvents.publish(
                EventType.CASE_REOPENED,
                opened.caseId(),
                new CaseReopened(opened.caseId(), opened.team(), 1, "customer-message", null, true, reopenedAt));

        try (var sla = EventCapture.of(Topics.SLA)) {
            List<CapturedEvent<SlaClockStarted>> resolutionStarts = sla.awaitCount(
                    EventType.SLA_CLOCK_STARTED,
                    (SlaClockStarted s) -> s.caseId().equals(opened.caseId()) && s.clock() == SlaClock.RESOLUTION,
                    2,
                    Duration.ofSeconds(30));
            assertThat(resolutionStarts.get(1).payload().startedAt()).isEqualTo(reopenedAt);
            assertThat(resolutionStarts.get(1).payload().priority()).isEqualTo(1);
            assertThat(resolutionStarts.get(1).payload().dueAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));
            List<CapturedEvent<SlaClockStopped>> stops = sla.awaitCount(
                    EventType.SLA_CLOCK_STOPPED,
                    (SlaClockStopped s) -> s.caseId().equals(opened.caseId()),
                    2,
                    Duration.ofSeconds(30));
            assertThat(stops)
                    .extracting(s -> s.payload().clock(), s -> s.payload().met())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(SlaClock.FIRST_RESPONSE, true),
                            org.assertj.core.groups.Tuple.tuple(SlaClock.RESOLUTION, true));
        }
        Map<String, Object> resolution = clock(opened.caseId(), "resolution");
        assertThat(resolution.get("target")).isEqualTo(2);
        assertThat(resolution.get("status")).isEqualTo("running");
    }

    @Test
    void aTransferKeepsTheClocksUnlessItSwitchesPolicyWhichIsAudited() {
        String from = newTeam();
        String to = newTeam();
        putPolicy(to, """
                {"defaults": {"firstResponse": "PT30M", "resolution": "PT4H"}}""");
        CaseOpened kept = CaseEvents.opened(from, Channel.X, Instant.now().minus(Duration.ofMinutes(10)));
        CaseOpened switched = CaseEvents.opened(from, Channel.X, Instant.now().minus(Duration.ofMinutes(10)));
        for (CaseOpened c : List.of(kept, switched)) {
            CaseEvents.publish(EventType.CASE_OPENED, c.caseId(), c);
            CaseEvents.publish(
                    EventType.CASE_TRANSFERRED,
                    c.caseId(),
                    new CaseTransferred(
                            c.caseId(),
                            from,
                            to,
                            "lead-" + from,
                            "billing question",
                            c == switched,
                            Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(clock(kept.caseId(), "resolution").get("team")).isEqualTo(to);
            assertThat(clock(switched.caseId(), "resolution").get("policyVersion"))
                    .isEqualTo(2);
        });
        Map<String, Object> keptResolution = clock(kept.caseId(), "resolution");
        assertThat(keptResolution.get("policyVersion")).isEqualTo(1);
        assertThat(((Number) keptResolution.get("targetMillis")).longValue()).isEqualTo(24 * 3_600_000L);
        Map<String, Object> switchedResolution = clock(switched.caseId(), "resolution");
        assertThat(((Number) switchedResolution.get("targetMillis")).longValue())
                .isEqualTo(4 * 3_600_000L);
        assertThat(Instant.parse((String) switchedResolution.get("dueAt")))
                .isEqualTo(switched.openedAt().plus(Duration.ofHours(4)));

        JsonPath audit = given().auth()
                .oauth2(TestTokens.teamLead(to))
                .queryParam("caseId", switched.caseId())
                .get("/api/v1/clocks/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("action")).contains("policy-switched");
        assertThat(audit.getList("by")).contains("lead-" + from);
        assertThat(given().auth()
                        .oauth2(TestTokens.teamLead(to))
                        .queryParam("caseId", kept.caseId())
                        .get("/api/v1/clocks/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .isEmpty();
        given().auth()
                .oauth2(TestTokens.agent(from))
                .queryParam("caseId", kept.caseId())
                .get("/api/v1/clocks")
                .then()
                .statusCode(403);
    }

    @Test
    void aCaseKeepsThePolicyVersionItStartedWithAndNewCasesTakeTheNewOne() {
        String team = newTeam();
        CaseOpened before = CaseEvents.opened(team, Channel.X, Instant.now());
        CaseEvents.publish(EventType.CASE_OPENED, before.caseId(), before);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        clock(before.caseId(), "first-response"))
                .isNotNull());
        putPolicy(
                team,
                """
                {"defaults": {"firstResponse": "PT15M", "resolution": "PT8H", "warningPercents": [50, 80]}}""");
        CaseOpened after = CaseEvents.opened(team, Channel.X, Instant.now());
        CaseEvents.publish(EventType.CASE_OPENED, after.caseId(), after);
        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockStarted started = sla.<SlaClockStarted>await(
                            EventType.SLA_CLOCK_STARTED,
                            s -> s.caseId().equals(after.caseId()) && s.clock() == SlaClock.FIRST_RESPONSE)
                    .payload();
            assertThat(started.policyVersion()).isEqualTo(2);
            assertThat(started.dueAt()).isEqualTo(after.firstMessageAt().plus(Duration.ofMinutes(15)));
            assertThat(started.warnAt()).isEqualTo(after.firstMessageAt().plus(Duration.ofSeconds(450)));
        }
        assertThat(clock(before.caseId(), "first-response").get("policyVersion"))
                .isEqualTo(1);
        assertThat(((Number) clock(before.caseId(), "first-response").get("targetMillis")).longValue())
                .isEqualTo(3_600_000);
    }

    @Test
    void officeHoursMoveTheDueTimeOfAWeekendMessageToMondayMorning() {
        String team = newTeam();
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"twentyFourSeven": false, "zone": "Europe/Amsterdam",
                         "hours": {"MONDAY": [{"from": "09:00", "to": "17:00"}],
                                   "TUESDAY": [{"from": "09:00", "to": "17:00"}]},
                         "holidays": []}""")
                .put("/api/v1/teams/{team}/calendar", team)
                .then()
                .statusCode(200);
        // Saturday 9 January 2027, 14:00 in Amsterdam: due Monday 11 January 10:00 (CET, UTC+1).
        CaseOpened opened = CaseEvents.opened(team, Channel.FACEBOOK, Instant.parse("2027-01-09T13:00:00Z"));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockStarted started = sla.<SlaClockStarted>await(
                            EventType.SLA_CLOCK_STARTED,
                            s -> s.caseId().equals(opened.caseId()) && s.clock() == SlaClock.FIRST_RESPONSE)
                    .payload();
            assertThat(started.dueAt()).isEqualTo(Instant.parse("2027-01-11T09:00:00Z"));
            assertThat(started.warnAt()).isEqualTo(Instant.parse("2027-01-11T08:45:00Z"));
            SlaClockStarted resolution = sla.<SlaClockStarted>await(
                            EventType.SLA_CLOCK_STARTED,
                            s -> s.caseId().equals(opened.caseId()) && s.clock() == SlaClock.RESOLUTION)
                    .payload();
            // 24 business hours = Monday and Tuesday (16 h), then a week later Monday 09:00-17:00.
            assertThat(resolution.dueAt()).isEqualTo(Instant.parse("2027-01-18T16:00:00Z"));
        }
    }

    @Test
    void aNextResponseTargetStartsWithEachCustomerMessageAfterAnAnswerAndStopsAtTheNextReply() {
        String team = newTeam();
        putPolicy(
                team,
                """
                {"defaults": {"firstResponse": "PT1H", "resolution": "PT24H", "nextResponse": "PT30M"}}""");
        CaseOpened opened = CaseEvents.opened(team, Channel.X, Instant.now().minus(Duration.ofMinutes(30)));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        Instant firstReply = opened.firstMessageAt().plus(Duration.ofMinutes(5));
        Instant customerAgain = opened.firstMessageAt().plus(Duration.ofMinutes(10));
        Instant secondReply = opened.firstMessageAt().plus(Duration.ofMinutes(20));
        CaseEvents.publish(EventType.CASE_REPLIED, opened.caseId(), reply(opened, true, firstReply));
        CaseEvents.publish(
                EventType.CASE_MESSAGE_ADDED,
                opened.caseId(),
                new CaseMessageAdded(opened.caseId(), UUID.randomUUID(), team, customerAgain, customerAgain));
        CaseEvents.publish(EventType.CASE_REPLIED, opened.caseId(), reply(opened, false, secondReply));
        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockStarted started = sla.<SlaClockStarted>await(
                            EventType.SLA_CLOCK_STARTED,
                            s -> s.caseId().equals(opened.caseId()) && s.clock() == SlaClock.NEXT_RESPONSE)
                    .payload();
            assertThat(started.startedAt()).isEqualTo(customerAgain);
            assertThat(started.dueAt()).isEqualTo(customerAgain.plus(Duration.ofMinutes(30)));
            SlaClockStopped stopped = sla.<SlaClockStopped>await(
                            EventType.SLA_CLOCK_STOPPED,
                            s -> s.caseId().equals(opened.caseId()) && s.clock() == SlaClock.NEXT_RESPONSE)
                    .payload();
            assertThat(stopped.elapsedBusinessSeconds()).isEqualTo(600);
            assertThat(stopped.met()).isTrue();
        }
    }

    @Test
    void theReplyWindowOfAWhatsAppMessageWarnsBeforeItClosesWhicheverEventComesFirst() {
        String team = newTeam();
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        Instant closesAt = receivedAt.plus(Duration.ofHours(24));
        // Case first, routed message later.
        CaseOpened caseFirst = CaseEvents.opened(team, Channel.WHATSAPP, receivedAt);
        CaseEvents.publish(EventType.CASE_OPENED, caseFirst.caseId(), caseFirst);
        // Routed message first (its window closes in 1 h 55 min: within the 2 h warning), case later.
        CaseOpened routedFirst = CaseEvents.opened(team, Channel.WHATSAPP, receivedAt);
        Instant closesSoon = receivedAt.plus(Duration.ofHours(2));
        TestEvents.publish(
                EventType.MESSAGE_ROUTED,
                routedFirst.conversationKey(),
                CaseEvents.routed(routedFirst.firstMessageId(), routedFirst.conversationKey(), receivedAt, closesSoon));
        CaseEvents.publish(EventType.CASE_OPENED, routedFirst.caseId(), routedFirst);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        clock(routedFirst.caseId(), "reply-window"))
                .isNotNull());
        TestEvents.publish(
                EventType.MESSAGE_ROUTED,
                caseFirst.conversationKey(),
                CaseEvents.routed(caseFirst.firstMessageId(), caseFirst.conversationKey(), receivedAt, closesAt));

        try (var sla = EventCapture.of(Topics.SLA)) {
            SlaClockStarted window = sla.<SlaClockStarted>await(
                            EventType.SLA_CLOCK_STARTED,
                            s -> s.caseId().equals(caseFirst.caseId()) && s.clock() == SlaClock.REPLY_WINDOW)
                    .payload();
            assertThat(window.dueAt()).isEqualTo(closesAt);
            assertThat(window.warnAt()).isEqualTo(closesAt.minus(Duration.ofHours(2)));
            SlaWarning warning = sla.<SlaWarning>await(
                            EventType.SLA_WARNING,
                            w -> w.caseId().equals(routedFirst.caseId()) && w.clock() == SlaClock.REPLY_WINDOW)
                    .payload();
            assertThat(warning.dueAt()).isEqualTo(closesSoon);
            assertThat(warning.warnAt()).isEqualTo(receivedAt);
        }
        CaseEvents.publish(EventType.CASE_REPLIED, routedFirst.caseId(), reply(routedFirst, true, Instant.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        clock(routedFirst.caseId(), "reply-window").get("status"))
                .isEqualTo("met"));
    }
}

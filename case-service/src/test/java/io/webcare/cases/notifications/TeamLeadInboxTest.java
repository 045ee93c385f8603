package io.webcare.cases.notifications;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseEscalated;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaWarning;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class TeamLeadInboxTest {

    @Test
    void anSlaBreachPutsANotificationInTheTeamLeadsInboxOnceEvenWhenTheBreachIsDeliveredTwice() {
        String team = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = TestTokens.teamLead(team);
        UUID caseId =
                deliver(routed(conversation(), author("u-n1"), team, "Al drie dagen geen antwoord", List.of()), team);
        Instant now = Instant.now();
        var breach = new SlaBreached(caseId, SlaClock.FIRST_RESPONSE, team, 3, 1, 2, now, now, now);
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(EventType.SLA_BREACHED, caseId.toString(), breach, eventId);
        TestEvents.publish(EventType.SLA_BREACHED, caseId.toString(), breach, eventId); // redelivered
        TestEvents.publish(EventType.SLA_BREACHED, caseId.toString(), breach); // re-sent under a new event id

        JsonPath inbox =
                await().atMost(Duration.ofSeconds(30)).until(() -> inbox(lead), page -> page.getInt("total") > 0);
        try (var events = EventCapture.of(Topics.CASES)) {
            assertThat(events.allAfter(Duration.ofSeconds(3), EventType.CASE_ESCALATED, (CaseEscalated e) -> e.caseId()
                            .equals(caseId)))
                    .hasSize(1);
        }
        inbox = inbox(lead);
        assertThat(inbox.getInt("total")).isEqualTo(1);
        assertThat(inbox.getInt("unread")).isEqualTo(1);
        assertThat(inbox.getString("items[0].caseId")).isEqualTo(caseId.toString());
        assertThat(inbox.getString("items[0].kind")).isEqualTo("sla-breach");
        assertThat(inbox.getString("items[0].clock")).isEqualTo("first-response");
        assertThat(inbox.getInt("items[0].level")).isEqualTo(2);
        assertThat(inbox.getInt("items[0].priority")).isEqualTo(2);
        assertThat(inbox.getBoolean("items[0].read")).isFalse();
        assertThat(CaseFixtures.get(caseId, lead).getInt("priority"))
                .as("the priority rose once")
                .isEqualTo(2);

        String id = inbox.getString("items[0].notificationId");
        given().auth()
                .oauth2(lead)
                .post("/api/v1/notifications/{id}/read", id)
                .then()
                .statusCode(200)
                .body("read", equalTo(true))
                .body("readBy", equalTo("lead-" + team));
        assertThat(inbox(lead).getInt("unread")).isZero();
    }

    @Test
    void aWarningAndABreachAreTwoNotificationsAndTheUnreadComeFirst() {
        String team = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = TestTokens.teamLead(team);
        UUID caseId = deliver(routed(conversation(), author("u-n2"), team, "Hallo?", List.of()), team);
        Instant now = Instant.now();
        TestEvents.publish(
                EventType.SLA_WARNING,
                caseId.toString(),
                new SlaWarning(caseId, SlaClock.RESOLUTION, team, 3, 1, 75, now, now.plusSeconds(600), now));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(lead).getInt("total") == 1);
        String warning = inbox(lead).getString("items[0].notificationId");
        given().auth()
                .oauth2(lead)
                .post("/api/v1/notifications/{id}/read", warning)
                .then()
                .statusCode(200);
        TestEvents.publish(
                EventType.SLA_BREACHED,
                caseId.toString(),
                new SlaBreached(caseId, SlaClock.RESOLUTION, team, 2, 1, 1, now, now, now));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(lead).getInt("total") == 2);
        JsonPath inbox = inbox(lead);
        assertThat(inbox.getList("items.kind", String.class)).containsExactly("sla-breach", "sla-warning");
        assertThat(inbox.getList("items.read", Boolean.class)).containsExactly(false, true);
        assertThat(inbox.getInt("items[1].thresholdPercent")).isEqualTo(75);
        assertThat(given().auth()
                        .oauth2(lead)
                        .queryParam("unread", true)
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.kind", String.class))
                .containsExactly("sla-breach");
    }

    @Test
    void anotherTeamsLeadDoesNotSeeOrReadTheNotification() {
        String team = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = TestTokens.teamLead(team);
        String otherLead = TestTokens.teamLead("other-" + team);
        UUID caseId = deliver(routed(conversation(), author("u-n3"), team, "Nog steeds niks", List.of()), team);
        Instant now = Instant.now();
        TestEvents.publish(
                EventType.SLA_BREACHED,
                caseId.toString(),
                new SlaBreached(caseId, SlaClock.FIRST_RESPONSE, team, 3, 1, 1, now, now, now));
        String id = await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox(lead), page -> page.getInt("total") == 1)
                .getString("items[0].notificationId");

        assertThat(inbox(otherLead).getList("items.caseId", String.class)).doesNotContain(caseId.toString());
        given().auth()
                .oauth2(otherLead)
                .queryParam("team", team)
                .get("/api/v1/notifications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(otherLead)
                .post("/api/v1/notifications/{id}/read", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.agent(team))
                .get("/api/v1/notifications")
                .then()
                .statusCode(403);
        given().get("/api/v1/notifications").then().statusCode(401);
        given().auth()
                .oauth2(lead)
                .post("/api/v1/notifications/{id}/read", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(inbox(lead).getBoolean("items[0].read"))
                .as("nobody else marked it read")
                .isFalse();
    }

    private static JsonPath inbox(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}

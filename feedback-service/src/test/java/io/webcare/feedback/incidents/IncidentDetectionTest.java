package io.webcare.feedback.incidents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.IncidentDetected;
import io.webcare.contract.events.MessageRouted;
import io.webcare.feedback.Complaints;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class IncidentDetectionTest {

    @Test
    void aSuddenRiseAboutOneTopicIsAnnouncedOnceAndItsCasesAreLinked() {
        String topic = "outage-" + Complaints.uniqueWord();
        Set<UUID> caseIds = new HashSet<>();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            for (int i = 0; i < 16; i++) {
                MessageRouted complaint = Complaints.complaint(
                        "Storing " + Complaints.uniqueWord() + " in regio " + i + ", geen bereik",
                        "nl",
                        List.of(topic));
                caseIds.add(Complaints.openCase(complaint));
                Complaints.publish(complaint);
            }

            IncidentDetected incident = feedback.<IncidentDetected>await(
                            EventType.FEEDBACK_INCIDENT_DETECTED, d -> d.topic().equals(topic))
                    .payload();
            assertThat(incident.count()).isGreaterThanOrEqualTo(10);
            assertThat(incident.rise()).isGreaterThanOrEqualTo(3.0);
            assertThat(incident.windowEnd()).isAfter(incident.windowStart());
            assertThat(incident.samples()).allMatch(s -> s.text().startsWith("Storing"));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> given().auth()
                                    .oauth2(TestTokens.teamLead("complaints"))
                                    .get("/api/v1/incidents")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("find { it.topic == '" + topic + "' }.caseIds", String.class)
                                    .size()
                            == 16);
            assertThat(feedback.allAfter(
                            Duration.ofSeconds(2),
                            EventType.FEEDBACK_INCIDENT_DETECTED,
                            (IncidentDetected d) -> d.topic().equals(topic)))
                    .hasSize(1);
            List<String> linked = given().auth()
                    .oauth2(TestTokens.analyst())
                    .get("/api/v1/incidents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("find { it.topic == '" + topic + "' }.caseIds", String.class);
            assertThat(linked)
                    .containsExactlyInAnyOrderElementsOf(
                            caseIds.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void incidentsNeedAToken() {
        given().get("/api/v1/incidents").then().statusCode(401);
    }
}

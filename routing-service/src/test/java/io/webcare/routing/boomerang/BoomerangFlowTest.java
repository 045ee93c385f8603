package io.webcare.routing.boomerang;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Visibility;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class BoomerangFlowTest {
    private static final String BILLING_QUESTION = "Waarom klopt mijn factuur deze maand weer niet?";

    /** Opens and resolves a case of {@code handle} about billing; all on one key, so they are read in order. */
    private static UUID caseResolved(String key, String handle, String team, Instant resolvedAt) {
        UUID caseId = UUID.randomUUID();
        Instant opened = resolvedAt.minus(2, ChronoUnit.HOURS);
        TestEvents.publish(
                EventType.CASE_OPENED,
                key,
                new CaseOpened(
                        caseId,
                        "x:acme:post:" + caseId,
                        "webcare",
                        2,
                        Channel.X,
                        handle,
                        UUID.randomUUID(),
                        Intent.COMPLAINT,
                        List.of("billing"),
                        true,
                        opened,
                        opened,
                        UUID.randomUUID(),
                        null));
        TestEvents.publish(
                EventType.CASE_TRANSFERRED,
                key,
                new CaseTransferred(caseId, "webcare", team, "lead-webcare", "billing expertise", false, opened));
        TestEvents.publish(
                EventType.CASE_RESOLVED, key, new CaseResolved(caseId, team, "carla", "fixed", true, resolvedAt));
        return caseId;
    }

    private static JsonPath dryRun(String handle) {
        return given().auth()
                .oauth2(TestTokens.agent("complaints"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", BILLING_QUESTION, "handle", handle))
                .post("/api/v1/routing/dry-run")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void customerBackAboutTheSameTopicWithinAWeekIsRoutedAsBoomerangToTheTeamThatHadTheCase() {
        String key = "boomerang-" + UUID.randomUUID();
        String recent = "@recent-" + UUID.randomUUID();
        String longAgo = "@longago-" + UUID.randomUUID();
        caseResolved(key, longAgo, "complaints", Instant.now().minus(9, ChronoUnit.DAYS));
        UUID earlier = caseResolved(key, recent, "complaints", Instant.now().minus(1, ChronoUnit.DAYS));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dryRun(recent)
                .getList("decision.flags", String.class)
                .contains("boomerang"));
        assertThat(dryRun(longAgo).getList("decision.flags", String.class)).doesNotContain("boomerang");
        assertThat(dryRun("@someone-else").getList("decision.flags", String.class))
                .doesNotContain("boomerang");

        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        var message = new InboundMessage(
                id,
                "x:acme:post:" + id,
                Channel.X,
                "acme",
                "tweet-" + id,
                null,
                Visibility.PUBLIC,
                new Author("u-" + id, recent, "Klant", 10, false),
                BILLING_QUESTION,
                List.of(),
                now,
                now,
                null);
        TestEvents.publish(EventType.MESSAGE_RECEIVED, message.conversationKey(), message);
        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            var decision = routed.<MessageRouted>await(
                            EventType.MESSAGE_ROUTED,
                            r -> r.message().messageId().equals(id))
                    .payload()
                    .decision();
            assertThat(decision.flags()).contains("boomerang");
            assertThat(decision.team()).isEqualTo("complaints");
            assertThat(decision.rule()).isEqualTo("boomerang");
            assertThat(decision.priority()).isLessThan(3);
            assertThat(decision.reasons().getFirst()).contains(earlier.toString());
        }
    }
}

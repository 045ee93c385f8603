package io.webcare.routing.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.MessageRouted;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class DryRunResourceTest {
    private static io.restassured.response.ValidatableResponse dryRun(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/routing/dry-run")
                .then();
    }

    @Test
    void agentSeesTheAnalysisAndDecisionOfATextAndNothingIsPublished() {
        String text = "Al drie dagen geen internet, storing! Dit is niet leuk meer " + UUID.randomUUID();
        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            dryRun(TestTokens.agent("webcare"), Map.of("text", text, "followers", 40_000))
                    .statusCode(200)
                    .body("analysis.language", equalTo("nl"))
                    .body("analysis.intent", equalTo("complaint"))
                    .body("analysis.signals", hasItem("outage"))
                    .body("analysis.sentiment.label", equalTo("negative"))
                    .body("analysis.sentiment.drivers", hasItem("niet leuk"))
                    .body("analysis.reach.followers", equalTo(40_000))
                    .body("decision.team", equalTo("complaints"))
                    .body("decision.priority", equalTo(1))
                    .body("decision.flags", hasItem("communications"))
                    .body("decision.rule", equalTo("high-reach-public-complaint"));
            assertThat(routed.allAfter(Duration.ofSeconds(2), EventType.MESSAGE_ROUTED, (MessageRouted r) -> r.message()
                            .text()
                            .equals(text)))
                    .isEmpty();
        }
    }

    @Test
    void aPrivateMessageIsNotHighReach() {
        dryRun(
                        TestTokens.teamLead("complaints"),
                        Map.of(
                                "text",
                                "My bill is wrong again, please fix it",
                                "followers",
                                90_000,
                                "visibility",
                                "private",
                                "channel",
                                "whatsapp"))
                .statusCode(200)
                .body("analysis.reach.isPublic", equalTo(false))
                .body("decision.priority", equalTo(2));
    }

    @Test
    void aDryRunNeedsTextAndAKnownChannel() {
        dryRun(TestTokens.analyst(), Map.of("text", " ")).statusCode(400).contentType("application/problem+json");
        dryRun(TestTokens.analyst(), Map.of("text", "hallo", "channel", "pigeon"))
                .statusCode(400)
                .body("detail", equalTo("unknown channel pigeon"));
    }

    @Test
    void aDryRunNeedsATokenOfAnAgentTeamLeadOrAnalyst() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "hallo"))
                .post("/api/v1/routing/dry-run")
                .then()
                .statusCode(401);
        dryRun(TestTokens.productOwner("billing"), Map.of("text", "hallo")).statusCode(403);
    }
}

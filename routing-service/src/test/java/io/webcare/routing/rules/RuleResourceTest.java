package io.webcare.routing.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.contract.events.Intent;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class RuleResourceTest {
    private static final String LEAD = TestTokens.teamLead("complaints");

    private static long currentVersion() {
        return given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/routing/rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    private static io.restassured.response.Response put(String token, long basedOn, RuleSet rules) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("basedOnVersion", basedOn, "comment", "test change", "rules", rules))
                .put("/api/v1/routing/rules");
    }

    @AfterEach
    void restoreTheDefaults() {
        if (!given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/routing/rules")
                .jsonPath()
                .getString("rules.rules[0].name")
                .equals("press-involvement")) {
            put(LEAD, currentVersion(), DefaultRules.RULES).then().statusCode(200);
        }
    }

    @Test
    void analystReadsTheRulesInForceWithWhoSavedThem() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/routing/rules")
                .then()
                .statusCode(200)
                .body("rules.rules.name", hasItem("complaint"))
                .body("rules.teams.name", hasItem("complaints"))
                .body("rules.boomerang.windowDays", equalTo(7));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/routing/rules/versions/1")
                .then()
                .statusCode(200)
                .body("changedBy", equalTo("system"));
    }

    @Test
    void rulesNeedATokenAndTheRightRole() {
        given().get("/api/v1/routing/rules").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .get("/api/v1/routing/rules")
                .then()
                .statusCode(403);
        put(TestTokens.analyst(), currentVersion(), DefaultRules.RULES).then().statusCode(403);
    }

    @Test
    void teamLeadReplacesTheRulesAsANewAuditedVersionThatRoutingFollowsAtOnce() {
        long before = currentVersion();
        var rules = new ArrayList<>(DefaultRules.RULES.rules());
        rules.addFirst(new RuleSet.Rule(
                "billing-to-complaints",
                new RuleSet.Condition(
                        List.of(Intent.QUESTION), null, List.of("billing"), null, null, null, null, null, null),
                "complaints",
                2,
                null,
                null,
                List.of("billing-review")));
        var changed = new RuleSet(
                DefaultRules.RULES.highReachFollowers(),
                rules,
                DefaultRules.RULES.teams(),
                DefaultRules.RULES.boomerang());

        put(LEAD, before, changed)
                .then()
                .statusCode(200)
                .body("version", equalTo((int) before + 1))
                .body("changedBy", equalTo("lead-complaints"))
                .body("comment", equalTo("test change"));

        var decision = given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Hoe kan ik mijn factuur downloaden?"))
                .post("/api/v1/routing/dry-run")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(decision.getString("decision.rule")).isEqualTo("billing-to-complaints");
        assertThat(decision.getString("decision.team")).isEqualTo("complaints");
        assertThat(decision.getList("decision.flags", String.class)).contains("billing-review");
        assertThat(decision.getLong("rulesVersion")).isEqualTo(before + 1);

        var history = given().auth()
                .oauth2(LEAD)
                .get("/api/v1/routing/rules/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getLong("[0].version")).isEqualTo(before + 1);
        assertThat(history.getString("[0].changedBy")).isEqualTo("lead-complaints");
        assertThat(history.getString("[0].changedAt")).isNotBlank();
    }

    @Test
    void aChangeBasedOnAnOutdatedVersionIsAConflictAndSavesNothing() {
        long before = currentVersion();
        put(LEAD, before - 1, DefaultRules.RULES).then().statusCode(409).contentType("application/problem+json");
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void invalidRulesAreRejectedWithEveryProblemAndSaveNothing() {
        long before = currentVersion();
        var rules = new ArrayList<>(DefaultRules.RULES.rules());
        rules.addFirst(new RuleSet.Rule("vip", null, "escalations", 9, null, null, null));
        var invalid = new RuleSet(
                DefaultRules.RULES.highReachFollowers(),
                rules,
                DefaultRules.RULES.teams(),
                DefaultRules.RULES.boomerang());
        put(LEAD, before, invalid)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.message", hasItem("rule 1 (vip): team escalations is not a defined team"))
                .body("errors.message", hasItem("rule 1 (vip): priority must be 1 (highest) to 4"));
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void aChangeWithoutRulesIsABadRequest() {
        given().auth()
                .oauth2(LEAD)
                .contentType(ContentType.JSON)
                .body(Map.of("basedOnVersion", 1))
                .put("/api/v1/routing/rules")
                .then()
                .statusCode(400);
    }

    @Test
    void anUnknownVersionIsNotFound() {
        given().auth()
                .oauth2(LEAD)
                .get("/api/v1/routing/rules/versions/999999")
                .then()
                .statusCode(404);
    }
}

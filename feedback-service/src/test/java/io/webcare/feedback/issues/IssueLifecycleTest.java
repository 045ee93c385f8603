package io.webcare.feedback.issues;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.IssueCasesLinked;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.IssueStatusChanged;
import io.webcare.contract.events.MessageRouted;
import io.webcare.feedback.Complaints;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class IssueLifecycleTest {
    /** Three made-up words carry each test's problem, so tests never share a group. */
    private static final String[] PHRASINGS = {
        "%s %s %s: factuur klopt niet",
        "Weer %s %s %s fout!",
        "%s %s %s dubbel afgeschreven",
        "%s %s %s verkeerd berekend #boos",
        "@acme %s %s %s https://t.co/abc",
    };

    private static String billingToken() {
        return TestTokens.token(
                "pieter", List.of("product-owner"), Map.of("product_areas", List.of("billing", "network")));
    }

    private static List<MessageRouted> complaints(String word, int count) {
        List<MessageRouted> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(Complaints.complaint(
                    PHRASINGS[i % PHRASINGS.length].formatted(word, word + "ka", word + "mo"),
                    "nl",
                    List.of("billing")));
        }
        return result;
    }

    @Test
    void thirtyComplaintsBecomeOneIssueForTheOwnerAndResolvingTellsEveryLinkedCaseOnce() {
        String word = Complaints.uniqueWord();
        List<MessageRouted> routed = complaints(word, 30);
        Set<UUID> caseIds = new HashSet<>();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            for (int i = 0; i < routed.size(); i++) {
                // Cases are announced before and after their messages: both orders must link.
                if (i % 2 == 0) {
                    caseIds.add(Complaints.openCase(routed.get(i)));
                    Complaints.publish(routed.get(i));
                } else {
                    Complaints.publish(routed.get(i));
                    caseIds.add(Complaints.openCase(routed.get(i)));
                }
            }

            IssueDetected detected = feedback.<IssueDetected>await(
                            EventType.FEEDBACK_ISSUE_DETECTED, d -> d.terms().contains(word))
                    .payload();
            assertThat(detected.productArea()).isEqualTo("billing");
            assertThat(detected.owner()).isEqualTo("pieter");
            assertThat(detected.label()).isNotBlank();
            assertThat(detected.samples()).allMatch(s -> s.text().contains(word) && s.caseId() != null);
            UUID issueId = detected.issueId();

            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> given().auth()
                                    .oauth2(billingToken())
                                    .get("/api/v1/issues/{id}", issueId)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getInt("linkedCases")
                            == 30);
            var view = given().auth()
                    .oauth2(billingToken())
                    .get("/api/v1/issues/{id}", issueId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(view.getInt("complaintCount")).isEqualTo(30);
            assertThat(view.getLong("affectedCustomers")).isEqualTo(30);
            assertThat(view.getLong("trend.last24h")).isEqualTo(30);
            assertThat(view.getString("status")).isEqualTo("detected");
            assertThat(view.getList("samples.text", String.class)).allMatch(t -> t.contains(word));
            List<UUID> linkedByEvents = feedback
                    .<IssueCasesLinked>allAfter(
                            Duration.ofMillis(200), EventType.FEEDBACK_ISSUE_CASES_LINKED, l -> l.issueId()
                                    .equals(issueId))
                    .stream()
                    .flatMap(e -> e.payload().caseIds().stream())
                    .toList();
            assertThat(new HashSet<>(detected.caseIds()))
                    .hasSize(detected.caseIds().size());
            Set<UUID> linked = new HashSet<>(detected.caseIds());
            linked.addAll(linkedByEvents);
            assertThat(linked).isEqualTo(caseIds);

            given().auth()
                    .oauth2(billingToken())
                    .post("/api/v1/issues/{id}/acknowledge", issueId)
                    .then()
                    .statusCode(200);
            feedback.await(
                    EventType.FEEDBACK_ISSUE_STATUS_CHANGED,
                    (IssueStatusChanged c) ->
                            c.issueId().equals(issueId) && c.status().equals("acknowledged"));

            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("customerMessage", "De dubbele afschrijving is teruggestort. Excuses!"))
                    .post("/api/v1/issues/{id}/resolve", issueId)
                    .then()
                    .statusCode(200);
            List<IssueResolved> resolved = feedback
                    .<IssueResolved>allAfter(Duration.ofSeconds(3), EventType.FEEDBACK_ISSUE_RESOLVED, r -> r.issueId()
                            .equals(issueId))
                    .stream()
                    .map(e -> e.payload())
                    .toList();
            assertThat(resolved).hasSize(1);
            assertThat(resolved.getFirst().caseIds()).containsExactlyInAnyOrderElementsOf(caseIds);
            assertThat(resolved.getFirst().customerMessage())
                    .isEqualTo("De dubbele afschrijving is teruggestort. Excuses!");
            assertThat(resolved.getFirst().resolvedBy()).isEqualTo("pieter");
        }
    }

    @Test
    void onlyTheOwnerOfAnIssuesAreaMaySeeOrChangeIt() {
        String word = Complaints.uniqueWord();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            complaints(word, 5).forEach(Complaints::publish);
            UUID issueId = feedback.<IssueDetected>await(
                            EventType.FEEDBACK_ISSUE_DETECTED, d -> d.terms().contains(word))
                    .payload()
                    .issueId();

            given().get("/api/v1/issues/{id}", issueId).then().statusCode(401);
            given().auth()
                    .oauth2(TestTokens.agent("complaints"))
                    .get("/api/v1/issues")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.productOwner("delivery"))
                    .get("/api/v1/issues/{id}", issueId)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(TestTokens.productOwner("delivery"))
                    .post("/api/v1/issues/{id}/acknowledge", issueId)
                    .then()
                    .statusCode(403);
            assertThat(given().auth()
                            .oauth2(TestTokens.productOwner("delivery"))
                            .get("/api/v1/issues")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("id", String.class))
                    .doesNotContain(issueId.toString());
            assertThat(given().auth()
                            .oauth2(billingToken())
                            .get("/api/v1/issues?status=detected")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("id", String.class))
                    .contains(issueId.toString());
            given().auth()
                    .oauth2(billingToken())
                    .get("/api/v1/issues/{id}", UUID.randomUUID())
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void statusChangesFollowTheLifecycleAndBadRequestsAreRefused() {
        String word = Complaints.uniqueWord();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            complaints(word, 5).forEach(Complaints::publish);
            UUID issueId = feedback.<IssueDetected>await(
                            EventType.FEEDBACK_ISSUE_DETECTED, d -> d.terms().contains(word))
                    .payload()
                    .issueId();

            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "in-progress", "note", "fix in the next billing run"))
                    .put("/api/v1/issues/{id}/status", issueId)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "resolved"))
                    .put("/api/v1/issues/{id}/status", issueId)
                    .then()
                    .statusCode(400);
            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "fixed-maybe"))
                    .put("/api/v1/issues/{id}/status", issueId)
                    .then()
                    .statusCode(400);
            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("customerMessage", " "))
                    .post("/api/v1/issues/{id}/resolve", issueId)
                    .then()
                    .statusCode(400);
            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "dismissed"))
                    .put("/api/v1/issues/{id}/status", issueId)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(billingToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("customerMessage", "Opgelost"))
                    .post("/api/v1/issues/{id}/resolve", issueId)
                    .then()
                    .statusCode(409);

            IssueStatusChanged change = feedback.<IssueStatusChanged>await(
                            EventType.FEEDBACK_ISSUE_STATUS_CHANGED,
                            c -> c.issueId().equals(issueId) && c.status().equals("in-progress"))
                    .payload();
            assertThat(change.previousStatus()).isEqualTo("detected");
            assertThat(change.note()).isEqualTo("fix in the next billing run");
            assertThat(change.by()).isEqualTo("pieter");
        }
    }
}

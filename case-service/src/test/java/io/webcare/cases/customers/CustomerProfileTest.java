package io.webcare.cases.customers;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.command;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.cases.support.CaseFixtures;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class CustomerProfileTest {
    private static final String TEAM = "complaints";
    private static final String AGENT = TestTokens.agent(TEAM);

    private static UUID customerOf(UUID caseId) {
        return UUID.fromString(CaseFixtures.get(caseId, AGENT).getString("customerId"));
    }

    @Test
    void messagesOfOneIdentityShareAProfileAndTheCaseOpenedEventNamesIt() {
        var customer = author("x-" + UUID.randomUUID());
        UUID first = deliver(routed(conversation(), customer, TEAM, "Storing!", List.of("outage")), TEAM);
        UUID second = deliver(routed(conversation(), customer, TEAM, "Factuur?", List.of("billing")), TEAM);
        assertThat(customerOf(first)).isEqualTo(customerOf(second));
        try (var events = EventCapture.of(Topics.CASES)) {
            CaseOpened opened = events.<CaseOpened>await(
                            EventType.CASE_OPENED, o -> o.caseId().equals(first))
                    .payload();
            assertThat(opened.customerId()).isEqualTo(customerOf(first));
        }
    }

    @Test
    void linkingAWhatsAppNumberShowsTheWholeHistoryAcrossChannelsAndUnlinkingUndoesIt() {
        String whatsapp = "316" + (10_000_000 + (int) (Math.random() * 89_999_999));
        var onX = author("x-" + UUID.randomUUID());
        UUID xCase = deliver(
                routed(
                        conversation(),
                        onX,
                        TEAM,
                        "Al dagen geen internet",
                        List.of("outage"),
                        Channel.X,
                        Visibility.PUBLIC,
                        3,
                        -0.8,
                        null),
                TEAM);
        UUID waCase = deliver(
                routed(
                        "whatsapp:acme:" + whatsapp,
                        author(whatsapp),
                        TEAM,
                        "Dank, het werkt weer!",
                        List.of(),
                        Channel.WHATSAPP,
                        Visibility.PRIVATE,
                        3,
                        0.7,
                        null),
                TEAM);
        UUID profile = customerOf(xCase);
        UUID waProfile = customerOf(waCase);
        assertThat(waProfile).isNotEqualTo(profile);

        String identityId = given().auth()
                .oauth2(TestTokens.integration())
                .contentType("application/json")
                .body(Map.of("kind", "whatsapp", "value", "+" + whatsapp.substring(0, 2) + " " + whatsapp.substring(2)))
                .post("/api/v1/customers/{id}/identities", profile)
                .then()
                .statusCode(201)
                .body("kind", equalTo("whatsapp"))
                .body("value", equalTo(whatsapp))
                .extract()
                .path("identityId");
        // the number as WhatsApp writes it (no +, no spaces) is the same identity: linking it again changes nothing
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("kind", "whatsapp", "value", whatsapp))
                .post("/api/v1/customers/{id}/identities", profile)
                .then()
                .statusCode(201)
                .body("identityId", equalTo(identityId));

        var view = given().auth()
                .oauth2(AGENT)
                .get("/api/v1/customers/{id}", profile)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getList("contacts.channel")).containsExactly("x", "whatsapp");
        assertThat(view.getList("cases.caseId")).contains(xCase.toString(), waCase.toString());
        assertThat(view.getString("sentiment.direction")).isEqualTo("improving");
        assertThat(view.getList("identities.kind")).contains("x", "whatsapp");

        given().auth()
                .oauth2(AGENT)
                .get("/api/v1/customers/{id}/audit", waProfile)
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("created", "identity-moved")));

        var whatsappIdentity = identityId;
        given().auth()
                .oauth2(AGENT)
                .delete("/api/v1/customers/{id}/identities/{identity}", profile, whatsappIdentity)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("unlinkedBy", equalTo("agent-complaints"));
        given().auth()
                .oauth2(AGENT)
                .delete("/api/v1/customers/{id}/identities/{identity}", profile, whatsappIdentity)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(AGENT)
                .get("/api/v1/customers/{id}", profile)
                .then()
                .statusCode(200)
                .body("contacts", hasSize(1))
                .body("contacts[0].channel", equalTo("x"));
        given().auth()
                .oauth2(TestTokens.integration())
                .queryParam("kind", "whatsapp")
                .queryParam("value", "+" + whatsapp)
                .get("/api/v1/customers")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(List.of()));

        // undone by linking it again
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType("application/json")
                .body(Map.of("kind", "whatsapp", "value", whatsapp))
                .post("/api/v1/customers/{id}/identities", profile)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.integration())
                .queryParam("kind", "whatsapp")
                .queryParam("value", "+" + whatsapp)
                .get("/api/v1/customers")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(List.of(profile.toString())))
                .body("[0].contacts", hasSize(2));
    }

    @Test
    void aCustomerBackAboutTheSameTopicOnAnotherLinkedChannelIsABoomerangForTheOwnerTeam() {
        var onX = author("x-" + UUID.randomUUID());
        UUID earlier = deliver(routed(conversation(), onX, TEAM, "Factuur te hoog", List.of("billing")), TEAM);
        command(earlier, AGENT, "resolve", Map.of("resolutionCode", "refunded"))
                .then()
                .statusCode(200);
        UUID profile = customerOf(earlier);
        String fb = "fb-" + UUID.randomUUID();
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("kind", "facebook", "value", fb))
                .post("/api/v1/customers/{id}/identities", profile)
                .then()
                .statusCode(201);

        UUID again = deliver(
                routed(
                        "facebook:acme:" + fb,
                        author(fb),
                        "webcare",
                        "Weer een te hoge factuur",
                        List.of("billing"),
                        Channel.FACEBOOK,
                        Visibility.PUBLIC,
                        3,
                        -0.6,
                        null),
                TEAM);
        var boomerang = CaseFixtures.get(again, AGENT);
        assertThat(boomerang.getString("boomerangOf")).isEqualTo(earlier.toString());
        assertThat(boomerang.getString("team")).isEqualTo(TEAM);
        assertThat(boomerang.getString("customerId")).isEqualTo(profile.toString());
    }

    @Test
    void aBoomerangRoutingAlreadyRecognisedIsLinkedButNotRaisedTwice() {
        var customer = author("x-" + UUID.randomUUID());
        UUID earlier = deliver(routed(conversation(), customer, TEAM, "Router kapot", List.of("router")), TEAM);
        command(earlier, AGENT, "resolve", Map.of("resolutionCode", "fixed"))
                .then()
                .statusCode(200);

        var message = routed(conversation(), customer, TEAM, "Router weer kapot", List.of("router"));
        var routedBack = new io.webcare.contract.events.MessageRouted(
                message.message(),
                message.analysis(),
                new io.webcare.contract.events.RoutingDecision(
                        TEAM, 2, true, List.of("boomerang"), "boomerang", List.of("boomerang: back to complaints")),
                message.routedAt());
        UUID again = deliver(routedBack, TEAM);
        var view = CaseFixtures.get(again, AGENT);
        assertThat(view.getString("boomerangOf")).isEqualTo(earlier.toString());
        assertThat(view.getBoolean("flagged")).isTrue();
        assertThat(view.getInt("priority")).as("routing raised it already").isEqualTo(2);
    }

    @Test
    void customerEndpointsNeedATokenAndARoleThatWorksWithCustomers() {
        UUID someone = UUID.randomUUID();
        given().get("/api/v1/customers/{id}", someone).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/customers/{id}", someone)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(AGENT)
                .get("/api/v1/customers/{id}", someone)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .body(Map.of("kind", "myspace", "value", "x"))
                .post("/api/v1/customers/{id}/identities", someone)
                .then()
                .statusCode(400);
    }
}

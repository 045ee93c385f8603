package io.webcare.cases.access;

import static io.restassured.RestAssured.given;
import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.etag;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, endpoint by endpoint: no token is 401; a role the endpoint does not admit, or a team other than
 * the case's, is 403 with problem details. (What the admitted roles get is proved by the scenario tests.)
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class RolesMatrixTest {
    private static final String TEAM = "complaints";
    private static final String OTHER_TEAM = "billing";

    private record Call(String method, String path, Map<String, ?> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Caller(String name, String token) {}

    private static final Caller NOBODY = new Caller("no token", null);
    private static final Caller AGENT = new Caller("agent of the case's team", TestTokens.agent(TEAM));
    private static final Caller OTHER_AGENT = new Caller("agent of another team", TestTokens.agent(OTHER_TEAM));
    private static final Caller OTHER_LEAD = new Caller("team lead of another team", TestTokens.teamLead(OTHER_TEAM));
    private static final Caller ANALYST = new Caller("analyst", TestTokens.analyst());
    private static final Caller INTEGRATION = new Caller("contact centre", TestTokens.integration());
    private static final Caller PRODUCT_OWNER = new Caller("product owner", TestTokens.productOwner("billing"));

    @Test
    void everyEndpointRefusesCallersWithoutATokenOrWithTheWrongRoleOrTeam() {
        UUID caseId = deliver(routed(conversation(), author("u-roles"), TEAM, "Hallo", List.of()), TEAM);
        UUID otherCase = deliver(routed(conversation(), author("u-roles2"), TEAM, "Hoi", List.of()), TEAM);
        String c = "/api/v1/cases/" + caseId;
        UUID customer = UUID.randomUUID();
        String cu = "/api/v1/customers/" + customer;

        var readCase = List.of(new Call("GET", c, null), new Call("GET", c + "/audit", null));
        var workOnCase = List.of(
                new Call("POST", c + "/claim", null),
                new Call("POST", c + "/waiting", null),
                new Call("POST", c + "/resolve", Map.of("resolutionCode", "answered", "askSatisfaction", true)),
                new Call("POST", c + "/reopen", null),
                new Call("POST", c + "/merge", Map.of("intoCaseId", otherCase)),
                new Call("PUT", c + "/tags", Map.of("tags", List.of("x"))),
                new Call("POST", c + "/notes", Map.of("text", "note")),
                new Call("POST", c + "/replies", Map.of("text", "Dank voor je bericht")));
        var leadOnCase = List.of(
                new Call("POST", c + "/assign", Map.of("assignee", "carla")),
                new Call(
                        "POST",
                        c + "/transfer",
                        Map.of("toTeam", "billing", "reason", "wrong team", "switchSlaPolicy", false)));
        var satisfaction = new Call("POST", c + "/satisfaction", Map.of("scale", "csat", "score", 4));
        var lint =
                new Call("POST", "/api/v1/replies/lint", Map.of("text", "Hoi", "channel", "x", "visibility", "public"));
        var customerCalls = List.of(
                new Call("GET", "/api/v1/customers?kind=crm&value=C-1", null),
                new Call("GET", cu, null),
                new Call("GET", cu + "/audit", null),
                new Call("POST", cu + "/identities", Map.of("kind", "crm", "value", "C-1")),
                new Call("DELETE", cu + "/identities/" + UUID.randomUUID(), null));
        var inbox = new Call("GET", "/api/v1/notifications", null);
        var markRead = new Call("POST", "/api/v1/notifications/" + UUID.randomUUID() + "/read", null);

        List<String> wrong = new ArrayList<>();
        List<Call> every = new ArrayList<>();
        every.add(new Call("GET", "/api/v1/cases", null));
        every.addAll(readCase);
        every.addAll(workOnCase);
        every.addAll(leadOnCase);
        every.add(satisfaction);
        every.add(lint);
        every.addAll(customerCalls);
        every.add(inbox);
        every.add(markRead);
        every.forEach(call -> expect(wrong, call, NOBODY, 401));

        readCase.forEach(call -> expect(wrong, call, OTHER_AGENT, 403));
        readCase.forEach(call -> expect(wrong, call, PRODUCT_OWNER, 403));
        expect(wrong, new Call("GET", "/api/v1/cases?team=" + TEAM, null), OTHER_AGENT, 403);
        expect(wrong, new Call("GET", "/api/v1/cases", null), PRODUCT_OWNER, 403);
        for (Call call : workOnCase) {
            expect(wrong, call, OTHER_AGENT, 403);
            expect(wrong, call, OTHER_LEAD, 403);
            expect(wrong, call, ANALYST, 403);
            expect(wrong, call, INTEGRATION, 403);
        }
        for (Call call : leadOnCase) {
            expect(wrong, call, AGENT, 403);
            expect(wrong, call, OTHER_LEAD, 403);
            expect(wrong, call, ANALYST, 403);
            expect(wrong, call, INTEGRATION, 403);
        }
        expect(wrong, satisfaction, OTHER_AGENT, 403);
        expect(wrong, satisfaction, ANALYST, 403);
        expect(wrong, satisfaction, PRODUCT_OWNER, 403);
        expect(wrong, lint, ANALYST, 403);
        expect(wrong, lint, INTEGRATION, 403);
        for (Call call : customerCalls) {
            expect(wrong, call, ANALYST, 403);
            expect(wrong, call, PRODUCT_OWNER, 403);
        }
        for (Call call : List.of(inbox, markRead)) {
            expect(wrong, call, AGENT, 403);
            expect(wrong, call, ANALYST, 403);
            expect(wrong, call, INTEGRATION, 403);
        }
        expect(wrong, new Call("GET", "/api/v1/notifications?team=" + TEAM, null), OTHER_LEAD, 403);

        assertThat(wrong)
                .as("calls answered otherwise than the roles matrix says")
                .isEmpty();
        assertThat(etag(caseId, ANALYST.token()))
                .as("no refused call changed the case")
                .isEqualTo("\"0\"");
    }

    private static void expect(List<String> wrong, Call call, Caller caller, int status) {
        var request = given();
        if (caller.token() != null) {
            request.auth().oauth2(caller.token());
        }
        request.header("If-Match", "\"0\"");
        if (call.body() != null) {
            request.contentType("application/json").body(call.body());
        }
        var response = request.request(call.method(), call.path());
        String contentType = response.getContentType();
        if (response.statusCode() != status
                || contentType == null
                || !contentType.startsWith("application/problem+json")) {
            wrong.add(call + " by " + caller.name() + ": expected " + status + " problem details, got "
                    + response.statusCode() + " " + contentType);
        }
    }
}

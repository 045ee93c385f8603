package io.webcare.sla.policies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class PolicyResourceTest {
    static final String OFFICE_HOURS =
            """
            {"twentyFourSeven": false, "zone": "Europe/Amsterdam",
             "hours": {"MONDAY": [{"from": "09:00", "to": "12:30"}, {"from": "13:30", "to": "17:00"}],
                       "FRIDAY": [{"from": "09:00", "to": "17:00"}]},
             "holidays": ["2026-12-25"]}""";

    static String newTeam() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTeamStartsWithTheDefaultPolicyAsVersionOne() {
        String team = newTeam();
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .get("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("createdBy", equalTo("default"))
                .body("policy.defaults.firstResponse", equalTo("PT1H"))
                .body("policy.defaults.resolution", equalTo("PT24H"))
                .body("policy.defaults.warningPercents", contains(75))
                .body("policy.defaults.escalationPercents", contains(100, 200))
                .body("policy.calendar.twentyFourSeven", equalTo(true));
    }

    @Test
    void aTeamLeadChangesTheirPolicyAsANewVersionAndAnalystsReadEveryVersion() {
        String team = newTeam();
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"defaults": {"firstResponse": "PT30M", "resolution": "PT8H", "nextResponse": "PT1H",
                                      "warningPercents": [50, 75], "escalationPercents": [100, 150, 200]},
                         "overrides": [{"priority": 1, "targets": {"firstResponse": "PT10M"}},
                                       {"channel": "whatsapp", "targets": {"resolution": "PT4H"}}],
                         "replyWindowWarning": "PT3H"}""")
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("createdBy", equalTo("lead-" + team))
                .body("policy.overrides[0].targets.firstResponse", equalTo("PT10M"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/teams/{team}/policy/versions", team)
                .then()
                .statusCode(200)
                .body("version", contains(1, 2));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/teams/{team}/policy/versions/1", team)
                .then()
                .statusCode(200)
                .body("policy.defaults.firstResponse", equalTo("PT1H"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/teams/{team}/policy/versions/9", team)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheTeamsOwnLeadChangesItAndAgentsDoNotReadIt() {
        String team = newTeam();
        String body = """
                {"defaults": {"firstResponse": "PT30M", "resolution": "PT8H"}}""";
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.teamLead("someone-else"))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.agent(team))
                .get("/api/v1/teams/{team}/policy", team)
                .then()
                .statusCode(403);
    }

    @Test
    void anInvalidPolicyIsRefusedWithTheReasonAndStoresNothing() {
        String team = newTeam();
        for (String invalid : new String[] {
            """
            {"defaults": {"firstResponse": "PT0S", "resolution": "PT8H"}}""",
            """
            {"defaults": {"resolution": "PT8H"}}""",
            """
            {"defaults": {"firstResponse": "PT1H", "resolution": "PT8H", "escalationPercents": [150, 200]}}""",
            """
            {"defaults": {"firstResponse": "PT1H", "resolution": "PT8H"}, "overrides": [{"targets": {}}]}""",
            """
            {"defaults": {"firstResponse": "PT1H", "resolution": "PT8H"},
             "calendar": {"twentyFourSeven": false, "zone": "Mars/Olympus", "hours": {}}}""",
            """
            {"defaults": {"firstResponse": "PT1H", "resolution": "PT8H", "warningPercents": [120]}}""",
            """
            {"defaults": {"firstResponse": "soon", "resolution": "PT8H"}}"""
        }) {
            given().auth()
                    .oauth2(TestTokens.teamLead(team))
                    .contentType(ContentType.JSON)
                    .body(invalid)
                    .put("/api/v1/teams/{team}/policy", team)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .get("/api/v1/teams/{team}/policy/versions", team)
                .then()
                .statusCode(200)
                .body("version", contains(1));
    }

    @Test
    void aTeamLeadSetsOfficeHoursAndImportsAHolidayFeed() {
        String team = newTeam();
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(OFFICE_HOURS)
                .put("/api/v1/teams/{team}/calendar", team)
                .then()
                .statusCode(200)
                .body("policyVersion", equalTo(2))
                .body("calendar.hours.MONDAY.from", contains("09:00", "13:30"));
        String feed = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//test//EN",
                "BEGIN:VEVENT",
                "UID:kings@test",
                "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:20270427",
                "SUMMARY:Koningsdag",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType("text/calendar")
                .queryParam("fromYear", 2026)
                .queryParam("toYear", 2027)
                .body(feed)
                .post("/api/v1/teams/{team}/calendar/holidays", team)
                .then()
                .statusCode(200)
                .body("policyVersion", equalTo(3))
                .body("calendar.holidays", contains("2026-12-25", "2027-04-27"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/v1/teams/{team}/calendar", team)
                .then()
                .statusCode(200)
                .body("calendar.zone", equalTo("Europe/Amsterdam"))
                .body("calendar.holidays", hasItems("2027-04-27"));
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType("text/calendar")
                .body("this is no calendar")
                .post("/api/v1/teams/{team}/calendar/holidays", team)
                .then()
                .statusCode(400)
                .body("detail", containsString("iCalendar"));
    }

    @Test
    void badCalendarsAndHolidaysForATwentyFourSevenTeamAreRefused() {
        String team = newTeam();
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"twentyFourSeven": false, "zone": "Europe/Amsterdam",
                         "hours": {"MONDAY": [{"from": "17:00", "to": "09:00"}]}}""")
                .put("/api/v1/teams/{team}/calendar", team)
                .then()
                .statusCode(400)
                .body("detail", containsString("runs forward"));
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType("text/calendar")
                .body("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
                .post("/api/v1/teams/{team}/calendar/holidays", team)
                .then()
                .statusCode(409)
                .body("detail", containsString("24/7"));
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType(ContentType.JSON)
                .body(OFFICE_HOURS)
                .put("/api/v1/teams/{team}/calendar", team)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.teamLead(team))
                .contentType("text/calendar")
                .body("X".repeat(PolicyResource.MAX_FEED_CHARS + 1))
                .post("/api/v1/teams/{team}/calendar/holidays", team)
                .then()
                .statusCode(413)
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("errors", nullValue());
    }
}

package io.webcare.ingest.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The per-channel figures on /q/metrics move with what ingest takes in, drops and refuses. */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class IngestMetricsTest {

    private static double metric(String name, String labels) {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[^}]*} ([0-9.E+-]+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void push(String externalId, int expectedStatus) {
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"channel":"email","accountId":"support","externalId":"%s","visibility":"private",
                         "author":{"id":"c-9","handle":"jan@example.org","followers":0,"verified":false},
                         "text":"Mijn factuur klopt niet"}"""
                                .formatted(externalId))
                .post("/api/v1/messages")
                .then()
                .statusCode(expectedStatus);
    }

    @Test
    void receivedDuplicatesAndPublishedAreCountedPerChannel() {
        double received = metric("webcare_ingest_received_total", "channel=\"email\"");
        double duplicates = metric("webcare_ingest_duplicates_total", "channel=\"email\"");
        double published = metric("webcare_ingest_published_total", "channel=\"email\"");
        String id = "mail-" + UUID.randomUUID();
        push(id, 202);
        push(id, 200);

        assertThat(metric("webcare_ingest_received_total", "channel=\"email\"")).isEqualTo(received + 2);
        assertThat(metric("webcare_ingest_duplicates_total", "channel=\"email\""))
                .isEqualTo(duplicates + 1);
        assertThat(metric("webcare_ingest_published_total", "channel=\"email\""))
                .isEqualTo(published + 1);
    }

    @Test
    void refusedRequestsAreCountedByEntryPointAndReason() {
        double badSignature = metric("webcare_ingest_rejected_total", "channel=\"meta\",reason=\"bad-signature\"");
        double invalid = metric("webcare_ingest_rejected_total", "channel=\"api\",reason=\"invalid\"");
        given().contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", "sha256=00")
                .body("{\"object\":\"page\"}")
                .post("/webhooks/meta")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"x\"}")
                .post("/api/v1/messages")
                .then()
                .statusCode(400);

        assertThat(metric("webcare_ingest_rejected_total", "channel=\"meta\",reason=\"bad-signature\""))
                .isEqualTo(badSignature + 1);
        assertThat(metric("webcare_ingest_rejected_total", "channel=\"api\",reason=\"invalid\""))
                .isEqualTo(invalid + 1);
    }
}

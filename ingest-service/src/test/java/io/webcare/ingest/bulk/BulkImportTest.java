package io.webcare.ingest.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.InboundMessage;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class BulkImportTest {
    private static final String NDJSON = "application/x-ndjson";

    private static String line(String externalId) {
        return "{\"channel\":\"phone\",\"accountId\":\"contact-centre\",\"externalId\":\"" + externalId
                + "\",\"visibility\":\"private\",\"author\":{\"id\":\"cust-42\",\"handle\":\"+31201234567\","
                + "\"name\":\"Jan\",\"followers\":0,\"verified\":false},"
                + "\"text\":\"Klant belde over storing in Utrecht, wil graag teruggebeld worden\","
                + "\"sentAt\":\"2026-11-20T09:00:00Z\"}";
    }

    private static JsonPath post(String body) {
        return given().auth()
                .oauth2(TestTokens.integration())
                .contentType(NDJSON)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void badLinesAreRejectedWithTheirLineNumbersWhileGoodLinesAreStoredAndPublished() {
        String run = "bulk-" + UUID.randomUUID();
        String body = String.join(
                "\n",
                line(run + "-1"),
                "{\"channel\":\"phone\",", // 2: cut off
                line(run + "-3")
                        .replace("\"text\":\"Klant belde over storing in Utrecht, wil graag teruggebeld worden\",", ""),
                "",
                line(run + "-5"),
                line(run + "-1"), // 6: the same message again
                line(run + "-7").replace("\"phone\"", "\"myspace\""),
                "[1,2,3]",
                line(run + "-9") + " {}",
                line(run + "-10"));

        JsonPath summary = post(body + "\n");

        assertThat(summary.getLong("lines")).isEqualTo(10);
        assertThat(summary.getLong("accepted")).isEqualTo(3);
        assertThat(summary.getLong("duplicates")).isEqualTo(1);
        assertThat(summary.getLong("rejected")).isEqualTo(5);
        assertThat(summary.getList("rejections.line", Integer.class)).containsExactly(2, 3, 7, 8, 9);
        assertThat(summary.getString("rejections[1].reason")).contains("text");
        assertThat(summary.getString("rejections[2].reason"))
                .contains("channel")
                .doesNotContain("io.webcare");
        assertThat(summary.getBoolean("rejectionsTruncated")).isFalse();

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            List<String> published = inbound
                    .allAfter(Duration.ofSeconds(3), EventType.MESSAGE_RECEIVED, (InboundMessage m) -> m.externalId()
                            .startsWith(run + "-"))
                    .stream()
                    .map(e -> e.payload().externalId())
                    .toList();
            assertThat(published).containsExactlyInAnyOrder(run + "-1", run + "-5", run + "-10");
        }
    }

    @Test
    void bodyFarLargerThanTheGeneralLimitIsStreamedStoredInChunksAndPublishedOnceInLineOrder() {
        String run = "bulk-" + UUID.randomUUID();
        int count = 3_000; // about 1.2 MB, over the 1 MB limit of the other endpoints; chunk size 500
        List<InputStream> parts = IntStream.range(0, count)
                .mapToObj(i -> (InputStream)
                        new ByteArrayInputStream((line(run + "-" + i) + "\n").getBytes(StandardCharsets.UTF_8)))
                .toList();
        InputStream streamed = new SequenceInputStream(Collections.enumeration(parts)); // no Content-Length: chunked

        given().config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000)))
                .auth()
                .oauth2(TestTokens.integration())
                .contentType(NDJSON)
                .body(streamed)
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(200)
                .body("lines", equalTo(count))
                .body("accepted", equalTo(count))
                .body("rejected", equalTo(0));

        try (var inbound = EventCapture.of(Topics.MESSAGES_INBOUND)) {
            var published = inbound.awaitCount(
                    EventType.MESSAGE_RECEIVED,
                    (InboundMessage m) -> m.externalId().startsWith(run + "-"),
                    count,
                    Duration.ofSeconds(60));
            // One customer's conversation, so one partition: the relay's overlapping rounds must keep the line order.
            assertThat(published)
                    .extracting(e -> e.payload().externalId())
                    .containsExactlyElementsOf(IntStream.range(0, count)
                            .mapToObj(i -> run + "-" + i)
                            .toList());
        }
    }

    @Test
    void lineOverTheLineLimitIsRejectedAndTheNextLineStillStored() {
        String run = "bulk-" + UUID.randomUUID();
        String huge = line(run + "-1").replace("Klant belde", "x".repeat(70_000));
        JsonPath summary = post(huge + "\n" + line(run + "-2") + "\n");
        assertThat(summary.getLong("accepted")).isEqualTo(1);
        assertThat(summary.getList("rejections.line", Integer.class)).containsExactly(1);
        assertThat(summary.getString("rejections[0].reason")).contains("longer than");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedAsSuch() {
        byte[] body = new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType(NDJSON)
                .body(body)
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("rejections[0].reason", equalTo("the line is not UTF-8"));
    }

    @Test
    void aBodyWithoutALengthIsStreamedByBulkButRefusedByTheSingleMessageEndpoint() throws Exception {
        String run = "bulk-" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> bulk = http.send(
                chunked("/api/v1/messages/bulk", NDJSON, line(run + "-1") + "\n"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.body()).contains("\"accepted\":1");

        HttpResponse<String> single = http.send(
                chunked("/api/v1/messages", "application/json", line(run + "-2")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(single.statusCode()).isEqualTo(411);
        assertThat(single.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(single.body()).contains("Content-Length");
    }

    /** A request whose body is sent chunked, without a Content-Length (the JDK client does so for a stream). */
    private static HttpRequest chunked(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestTokens.integration())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
    }

    @Test
    void bulkImportRequiresTheIntegrationRoleAndNdjson() {
        given().contentType(NDJSON)
                .body(line("x").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("webcare"))
                .contentType(NDJSON)
                .body(line("x").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.integration())
                .contentType("text/csv")
                .body("a,b".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/messages/bulk")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}

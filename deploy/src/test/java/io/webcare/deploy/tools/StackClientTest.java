package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StackClient against a stand-in for Keycloak, ingest and case on one loopback HTTP server. */
class StackClientTest {

    private HttpServer server;
    private StackClient client;
    private final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    private final List<String> postedBodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/webcare/protocol/openid-connect/token", exchange -> {
            Map<String, String> form =
                    parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenForms.add(form);
            if ("wrong".equals(form.get("password"))) {
                respond(exchange, 401, "{\"error\":\"invalid_grant\"}");
                return;
            }
            String token = "token-" + tokensIssued.incrementAndGet();
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
        });
        server.createContext("/api/v1/messages", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            postedBodies.add(body);
            boolean again = postedBodies.size() > 1;
            respond(
                    exchange,
                    again ? 200 : 202,
                    "{\"messageId\":\"0b6f7c1e-0000-4000-8000-000000000001\",\"conversationKey\":\"x:acme:jan\","
                            + "\"duplicate\":" + again + "}");
        });
        server.createContext("/api/v1/cases", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                respond(exchange, 401, "");
            } else if (exchange.getRequestURI().getQuery().contains("other")) {
                respond(exchange, 403, "{\"title\":\"Forbidden\"}");
            } else {
                respond(exchange, 200, "[{\"caseId\":\"c-1\",\"team\":\"complaints\",\"priority\":\"P2\"}]");
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        client = new StackClient(StackConfig.fromEnv(Map.of(
                "INGEST_PORT", Integer.toString(port),
                "CASE_PORT", Integer.toString(port),
                "KEYCLOAK_PORT", Integer.toString(port))));
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void contactCentreTokenUsesClientCredentialsAndIsReusedUntilNearExpiry() {
        String first = client.integrationToken();
        String second = client.integrationToken();

        assertThat(first).isEqualTo(second).isEqualTo("token-1");
        assertThat(tokenForms).hasSize(1);
        assertThat(tokenForms.getFirst())
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "contact-centre")
                .containsEntry("client_secret", "contact-centre-secret");
    }

    @Test
    void peopleGetTokensWithThePasswordGrantOnTheConsoleClientEachTheirOwn() {
        String carla = client.userToken("carla");
        String wendy = client.userToken("wendy");

        assertThat(carla).isNotEqualTo(wendy);
        assertThat(tokenForms)
                .extracting(
                        f -> f.get("grant_type"),
                        f -> f.get("client_id"),
                        f -> f.get("username"),
                        f -> f.get("password"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("password", "webcare-console", "carla", "carla"),
                        org.assertj.core.groups.Tuple.tuple("password", "webcare-console", "wendy", "wendy"));
    }

    @Test
    void refusedLoginSaysWhoAndWhy() {
        assertThatThrownBy(() -> client.userToken("carla", "wrong"))
                .isInstanceOf(StackClient.StackException.class)
                .hasMessageContaining("user:carla")
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void postedMessageIsTheContractShapeAndTheReceiptTellsDuplicates() throws Exception {
        IngestMessage message = new IngestMessage(
                "x",
                "acme",
                "1790001",
                null,
                "public",
                new IngestMessage.Author(null, "@jan", "Jan", 1200, false),
                "Internet ligt eruit",
                Instant.parse("2026-11-23T10:15:00Z"));

        IngestReceipt first = client.postMessage(message, "tok");
        IngestReceipt again = client.postMessageAsync(message, "tok").get();

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(authorizations).containsOnly("Bearer tok");
        JsonNode body = Json.MAPPER.readTree(postedBodies.getFirst());
        assertThat(body.path("sentAt").asText()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(body.path("author").path("followers").asInt()).isEqualTo(1200);
        assertThat(body.has("threadRef")).as("absent fields are left out").isFalse();
        assertThat(body.path("author").has("id")).isFalse();
    }

    @Test
    void casesByMessageIdReadsTheListAndTreatsAnotherTeamsCaseAsNotVisible() {
        assertThat(client.casesByMessageId("m-1", "tok"))
                .singleElement()
                .satisfies(c -> assertThat(c.path("team").asText()).isEqualTo("complaints"));
        assertThat(client.casesByMessageId("other", "tok")).isEmpty();
        assertThat(client.get(client.config().caseUrl(), "/api/v1/cases?messageId=m-1", null)
                        .status())
                .isEqualTo(401);
    }

    private static Map<String, String> parseForm(String form) {
        return Stream.of(form.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}

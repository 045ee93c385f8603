package io.webcare.deploy.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Talks to a running Webcare stack the way its real clients do: Keycloak tokens (client credentials for the contact
 * centre, the password grant for people) and the services' REST APIs. Shared by the tools and the end-to-end tests.
 *
 * <p>Tokens are cached per principal until shortly before they expire. Thread-safe.
 */
public final class StackClient {

    /** The contact centre's confidential client (service account with realm role {@code integration}). */
    public static final String INTEGRATION_CLIENT_ID = "contact-centre";
    /** Local/test-realm secret only (deploy/local realm); never a production credential. */
    public static final String INTEGRATION_CLIENT_SECRET = "contact-centre-secret";
    /** The public client people log in with (direct access grants on). */
    public static final String CONSOLE_CLIENT_ID = "webcare-console";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Renew a token this long before Keycloak says it expires, so a request never carries a stale one. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    private final StackConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public StackClient(StackConfig config) {
        this(config, Clock.systemUTC());
    }

    StackClient(StackConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // HTTP/1.1: plain-http services; no h2c upgrade round trips distorting latency figures.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public StackConfig config() {
        return config;
    }

    // ---- tokens ---------------------------------------------------------------------------------------------

    /** A contact-centre token (client-credentials grant), with realm role {@code integration}. */
    public String integrationToken() {
        return token(
                "client:" + INTEGRATION_CLIENT_ID,
                () -> form(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", INTEGRATION_CLIENT_ID,
                        "client_secret", INTEGRATION_CLIENT_SECRET)));
    }

    /** A person's token (password grant on {@code webcare-console}); in the local realm password = username. */
    public String userToken(String username) {
        return userToken(username, username);
    }

    public String userToken(String username, String password) {
        return token(
                "user:" + username,
                () -> form(Map.of(
                        "grant_type", "password",
                        "client_id", CONSOLE_CLIENT_ID,
                        "username", username,
                        "password", password,
                        "scope", "openid")));
    }

    private String token(String principal, Supplier<String> formBody) {
        Instant now = clock.instant();
        CachedToken cached = tokens.get(principal);
        if (cached != null && now.isBefore(cached.renewAfter())) {
            return cached.accessToken();
        }
        HttpRequest request = HttpRequest.newBuilder(config.tokenUrl())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody.get()))
                .build();
        ApiResponse response = send(request).requireSuccess("Keycloak token endpoint for " + principal);
        JsonNode json = response.json();
        String accessToken = json.path("access_token").asText(null);
        if (accessToken == null) {
            throw new StackException("Keycloak answered without access_token for " + principal);
        }
        long expiresIn = json.path("expires_in").asLong(60);
        Instant renewAfter = now.plusSeconds(expiresIn).minus(TOKEN_MARGIN);
        tokens.put(principal, new CachedToken(accessToken, renewAfter));
        return accessToken;
    }

    // ---- ingest ---------------------------------------------------------------------------------------------

    /** Posts a message and expects 200/202; anything else throws {@link StackException} with status and body. */
    public IngestReceipt postMessage(IngestMessage message, String token) {
        return toReceipt(postMessageResponse(message, token));
    }

    /** Posts a message and returns the answer whatever it is ({@code token} may be null to post without one). */
    public ApiResponse postMessageResponse(IngestMessage message, String token) {
        return send(postMessageRequest(message, token));
    }

    public CompletableFuture<IngestReceipt> postMessageAsync(IngestMessage message, String token) {
        return sendAsync(postMessageRequest(message, token)).thenApply(StackClient::toReceipt);
    }

    private HttpRequest postMessageRequest(IngestMessage message, String token) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return authorized(config.ingestUrl().resolve("/api/v1/messages"), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static IngestReceipt toReceipt(ApiResponse response) {
        response.requireSuccess("ingest POST /api/v1/messages");
        JsonNode json = response.json();
        return new IngestReceipt(
                response.status(),
                json.path("messageId").asText(null),
                json.path("conversationKey").asText(null),
                json.path("duplicate").asBoolean(false));
    }

    // ---- case and sla ---------------------------------------------------------------------------------------

    /** The cases the message belongs to, as the given person may see them (a one-element list, or empty). */
    public List<JsonNode> casesByMessageId(String messageId, String token) {
        ApiResponse response = get(config.caseUrl(), "/api/v1/cases?messageId=" + encode(messageId), token);
        if (response.status() == 403 || response.status() == 404) {
            return List.of(); // not this person's team (or not there yet)
        }
        return elements(response.requireSuccess("case GET /api/v1/cases?messageId"));
    }

    public ApiResponse caseById(String caseId, String token) {
        return get(config.caseUrl(), "/api/v1/cases/" + encode(caseId), token);
    }

    public ApiResponse clocks(String caseId, String token) {
        return get(config.slaUrl(), "/api/v1/clocks?caseId=" + encode(caseId), token);
    }

    /** An agent's reply to the customer of a case (checked by case-service, delivered by ingest). */
    public ApiResponse reply(String caseId, String text, String token) {
        return post(config.caseUrl(), "/api/v1/cases/" + encode(caseId) + "/replies", Map.of("text", text), token);
    }

    /** POST a JSON body to {@code base + path}; {@code token} may be null to call without one. */
    public ApiResponse post(URI base, String path, Object body, String token) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return send(authorized(base.resolve(path), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** What ingest's simulator channel received for the given post or customer (the local stack's stand-in). */
    public List<JsonNode> simulatedPosts(String to) {
        return elements(get(config.ingestUrl(), "/simulator/posts?to=" + encode(to), null)
                .requireSuccess("ingest GET /simulator/posts"));
    }

    /** GET {@code base + pathAndQuery}; {@code token} may be null to call without one. */
    public ApiResponse get(URI base, String pathAndQuery, String token) {
        return send(authorized(base.resolve(pathAndQuery), token).GET().build());
    }

    public static List<JsonNode> elements(ApiResponse response) {
        JsonNode json = response.json();
        List<JsonNode> list = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(list::add);
        } else if (json.has("items") && json.get("items").isArray()) {
            json.get("items").forEach(list::add); // tolerate a paged envelope
        } else {
            throw new StackException("Expected a JSON array, got: " + ApiResponse.abbreviate(response.body()));
        }
        return list;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private static HttpRequest.Builder authorized(URI uri, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest request) {
        try {
            return toApiResponse(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new StackException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private CompletableFuture<ApiResponse> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(StackClient::toApiResponse);
    }

    private static ApiResponse toApiResponse(HttpResponse<String> response) {
        return new ApiResponse(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record CachedToken(String accessToken, Instant renewAfter) {}

    /** The stack answered something other than what the contract promises, or could not be reached. */
    public static final class StackException extends RuntimeException {
        public StackException(String message) {
            super(message);
        }

        public StackException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

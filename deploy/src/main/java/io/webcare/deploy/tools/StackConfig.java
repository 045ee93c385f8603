package io.webcare.deploy.tools;

import java.net.URI;
import java.util.Map;

/**
 * Where the running stack is: the one place that reads the environment for the tools and the end-to-end tests.
 *
 * <p>Each address comes from its URL variable ({@code INGEST_URL}, ...) if set, else from the launcher's port variable
 * ({@code INGEST_PORT}, ...) on 127.0.0.1, else from the local-stack default. The port fallback lets a tool or test
 * that knows only an isolated stack's ports (the launcher's variables) reach it without spelling out every URL.
 */
public record StackConfig(
        URI ingestUrl,
        URI caseUrl,
        URI slaUrl,
        URI feedbackUrl,
        URI keycloakUrl,
        String realm,
        String kafkaBootstrapServers) {

    public static final String REALM = "webcare";

    public static StackConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    public static StackConfig fromEnv(Map<String, String> env) {
        return new StackConfig(
                url(env, "INGEST_URL", "INGEST_PORT", 8081),
                url(env, "CASE_URL", "CASE_PORT", 8083),
                url(env, "SLA_URL", "SLA_PORT", 8084),
                url(env, "FEEDBACK_URL", "FEEDBACK_PORT", 8085),
                url(env, "KEYCLOAK_URL", "KEYCLOAK_PORT", 8180),
                valueOr(env, "KEYCLOAK_REALM", REALM),
                valueOr(env, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + valueOr(env, "KAFKA_PORT", "9092")));
    }

    /** The realm's OpenID Connect token endpoint. */
    public URI tokenUrl() {
        return keycloakUrl.resolve("/realms/" + realm + "/protocol/openid-connect/token");
    }

    private static URI url(Map<String, String> env, String urlVar, String portVar, int defaultPort) {
        String explicit = env.get(urlVar);
        if (explicit != null && !explicit.isBlank()) {
            return URI.create(stripTrailingSlash(explicit.trim()));
        }
        return URI.create("http://127.0.0.1:" + valueOr(env, portVar, Integer.toString(defaultPort)));
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

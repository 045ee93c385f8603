package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void withoutEnvironmentPointsAtTheLocalStackDefaults() {
        StackConfig config = StackConfig.fromEnv(Map.of());

        assertThat(config.ingestUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.caseUrl()).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(config.slaUrl()).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(config.feedbackUrl()).isEqualTo(URI.create("http://127.0.0.1:8085"));
        assertThat(config.keycloakUrl()).isEqualTo(URI.create("http://127.0.0.1:8180"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.tokenUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8180/realms/webcare/protocol/openid-connect/token"));
    }

    @Test
    void launcherPortVariablesMoveEveryAddressToAnIsolatedStack() {
        StackConfig config = StackConfig.fromEnv(Map.of(
                "INGEST_PORT", "18081",
                "CASE_PORT", "18083",
                "SLA_PORT", "18084",
                "KEYCLOAK_PORT", "18180",
                "KAFKA_PORT", "19092"));

        assertThat(config.ingestUrl()).isEqualTo(URI.create("http://127.0.0.1:18081"));
        assertThat(config.caseUrl()).isEqualTo(URI.create("http://127.0.0.1:18083"));
        assertThat(config.slaUrl()).isEqualTo(URI.create("http://127.0.0.1:18084"));
        assertThat(config.tokenUrl().toString()).startsWith("http://127.0.0.1:18180/realms/webcare/");
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void explicitUrlsWinOverPortsAndLoseTheirTrailingSlash() {
        StackConfig config = StackConfig.fromEnv(Map.of(
                "INGEST_URL", "http://ingest.example:9000/",
                "INGEST_PORT", "18081",
                "KEYCLOAK_URL", "http://kc:8080",
                "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "KAFKA_PORT", "19092"));

        assertThat(config.ingestUrl()).isEqualTo(URI.create("http://ingest.example:9000"));
        assertThat(config.ingestUrl().resolve("/api/v1/messages").toString())
                .isEqualTo("http://ingest.example:9000/api/v1/messages");
        assertThat(config.tokenUrl())
                .isEqualTo(URI.create("http://kc:8080/realms/webcare/protocol/openid-connect/token"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
    }
}

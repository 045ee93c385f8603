package io.webcare.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real parts a service test runs against: a Kafka broker, a PostgreSQL server, and OIDC token verification with
 * the test signing key (tokens come from {@link TestTokens}; the end-to-end test uses a real Keycloak instead).
 */
public class WebcareTestInfrastructure implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers",
                RealKafkaBroker.bootstrapServers(),
                "quarkus.datasource.jdbc.url",
                RealPostgres.jdbcUrl(),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres",
                "quarkus.oidc.public-key",
                TestTokens.verificationKey(),
                "quarkus.oidc.token.issuer",
                TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Broker and database live for the whole test JVM; shutdown hooks stop them.
    }
}

package io.webcare.deploy.k8s;

import static io.webcare.deploy.k8s.K8sWorkloadTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One database and one role per service in the CloudNativePG cluster, and enough connections for every pod. */
class K8sDatabaseTest {
    /** Connections PostgreSQL keeps for the superuser, replication checks and the operator's own probes. */
    private static final int RESERVED = 10;

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceLogsInAsTheOwnerOfItsOwnDatabaseWithTheSecretTheOperatorManages(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        Set<String> owners = new HashSet<>();
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = Manifests.name(deployment);
            ObjectNode database = databaseOf(objects, deployment);
            JsonNode role = roleOf(objects, database);

            assertThat(owners.add(role.path("name").asText()))
                    .as("%s shares its role", service)
                    .isTrue();
            assertThat(role.path("login").asBoolean()).isTrue();
            assertThat(role.path("superuser").asBoolean(false)).isFalse();
            assertThat(role.at("/passwordSecret/name").asText())
                    .isEqualTo(K8sNetworkPolicyTest.secretRef(deployment, "QUARKUS_DATASOURCE_USERNAME"))
                    .isEqualTo(K8sNetworkPolicyTest.secretRef(deployment, "QUARKUS_DATASOURCE_PASSWORD"));
            assertThat(database.at("/spec/databaseReclaimPolicy").asText()).isEqualTo("retain");
        }
        assertThat(owners).hasSameSizeAs(Manifests.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConnectionPoolsOfAllPodsFitTheRolesAndTheServer(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        ObjectNode cluster = Manifests.named(objects, "Cluster", "webcare-pg");
        int total = RESERVED;
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = Manifests.name(deployment);
            int pool = Integer.parseInt(
                    K8sNetworkPolicyTest.environment(objects, deployment).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
            int pods = Manifests.find(objects, "HorizontalPodAutoscaler", service)
                            .map(h -> h.at("/spec/maxReplicas").asInt())
                            .orElse(deployment.at("/spec/replicas").asInt())
                    + deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt();
            int limit = roleOf(objects, databaseOf(objects, deployment))
                    .path("connectionLimit")
                    .asInt();

            assertThat(pods * pool)
                    .as("%s: %d pods x %d connections", service, pods, pool)
                    .isLessThanOrEqualTo(limit);
            total += limit;
        }
        for (ObjectNode keycloak : Manifests.ofKind(objects, "Keycloak")) {
            total += keycloak.at("/spec/instances").asInt()
                    * keycloak.at("/spec/db/poolMaxSize").asInt();
        }

        assertThat(total)
                .isLessThanOrEqualTo(cluster.at("/spec/postgresql/parameters/max_connections")
                        .asInt());
    }

    private static ObjectNode databaseOf(List<ObjectNode> objects, ObjectNode deployment) {
        String jdbc = K8sNetworkPolicyTest.environment(objects, deployment).get("QUARKUS_DATASOURCE_JDBC_URL");
        String name = URI.create(jdbc.substring("jdbc:".length())).getPath().substring(1);
        List<ObjectNode> databases = Manifests.ofKind(objects, "Database").stream()
                .filter(d -> d.at("/spec/name").asText().equals(name))
                .toList();
        assertThat(databases).as("Database %s", name).hasSize(1);
        return databases.getFirst();
    }

    private static JsonNode roleOf(List<ObjectNode> objects, ObjectNode database) {
        String owner = database.at("/spec/owner").asText();
        return stream(Manifests.named(
                                objects,
                                "Cluster",
                                database.at("/spec/cluster/name").asText())
                        .at("/spec/managed/roles"))
                .filter(r -> r.path("name").asText().equals(owner))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no managed role " + owner));
    }
}

package io.webcare.deploy.k8s;

import static io.webcare.deploy.k8s.K8sWorkloadTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's NetworkPolicy admits exactly what its configuration connects to. The expected peers are derived
 * from the configuration (the ConfigMaps, overriding application.properties) through the operators' naming
 * conventions: Strimzi serves Kafka {@code <k>} at {@code <k>-kafka-bootstrap} from pods labelled
 * {@code strimzi.io/cluster=<k>, strimzi.io/broker-role=true}; CloudNativePG serves Cluster {@code <c>}'s primary at
 * {@code <c>-rw} from pods labelled {@code cnpg.io/cluster=<c>}; the Keycloak operator serves Keycloak {@code <n>} at
 * {@code <n>-service} from pods labelled {@code app=keycloak, app.kubernetes.io/instance=<n>}.
 */
class K8sNetworkPolicyTest {
    private static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    /** One allowed connection: who (pod labels, namespace labels or an address block) on which port. */
    record Peer(String who, String protocol, int port) {}

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNetworkEndpointInApplicationPropertiesIsOverriddenForTheCluster(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        Map<String, String> endpointKeys = Map.of(
                "kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS",
                "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL",
                "quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL");
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            Properties properties = Manifests.prodProperties(Manifests.name(deployment));
            Map<String, String> env = environment(objects, deployment);
            endpointKeys.forEach((property, variable) -> {
                if (properties.containsKey(property)) {
                    assertThat(env.get(variable))
                            .as(
                                    "%s: %s overrides %s (%s)",
                                    Manifests.name(deployment), variable, property, properties.getProperty(property))
                            .isNotBlank()
                            .doesNotContain("127.0.0.1", "localhost");
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceMayConnectToExactlyWhatItsConfigurationNames(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = Manifests.name(deployment);
            ObjectNode policy = Manifests.named(objects, "NetworkPolicy", service);

            assertThat(K8sWorkloadTest.selects(
                            policy.at("/spec/podSelector/matchLabels"),
                            deployment.at("/spec/template/metadata/labels")))
                    .isTrue();
            assertThat(stream(policy.at("/spec/policyTypes")).map(JsonNode::asText))
                    .containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(peers(policy.at("/spec/egress")))
                    .as("egress of %s", service)
                    .containsExactlyInAnyOrderElementsOf(expectedEgress(objects, deployment));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheIngressControllerAndPrometheusReachAServiceAndOnlyOnItsHttpPort(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = Manifests.name(deployment);
            int port = K8sWorkloadTest.onlyContainer(deployment)
                    .at("/ports/0/containerPort")
                    .asInt();

            assertThat(peers(Manifests.named(objects, "NetworkPolicy", service).at("/spec/ingress")))
                    .containsExactlyInAnyOrder(
                            new Peer("namespace{kubernetes.io/metadata.name=ingress-nginx}", "TCP", port),
                            new Peer("namespace{kubernetes.io/metadata.name=monitoring}", "TCP", port));
        }
    }

    private static Set<Peer> expectedEgress(List<ObjectNode> objects, ObjectNode deployment) {
        String service = Manifests.name(deployment);
        Map<String, String> env = environment(objects, deployment);
        Set<Peer> expected = new HashSet<>();
        expected.add(new Peer("namespace{kubernetes.io/metadata.name=kube-system} pods{k8s-app=kube-dns}", "UDP", 53));
        expected.add(new Peer("namespace{kubernetes.io/metadata.name=kube-system} pods{k8s-app=kube-dns}", "TCP", 53));

        for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            if (server.isBlank()) {
                continue;
            }
            String host = server.substring(0, server.lastIndexOf(':'));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            String kafka = stripSuffix(host, "-kafka-bootstrap", service);
            Manifests.named(objects, "Kafka", kafka);
            expected.add(new Peer("pods{strimzi.io/broker-role=true, strimzi.io/cluster=" + kafka + "}", "TCP", port));
        }
        String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbc != null) {
            URI uri = URI.create(jdbc.substring("jdbc:".length()));
            String cluster = stripSuffix(uri.getHost(), "-rw", service);
            Manifests.named(objects, "Cluster", cluster);
            expected.add(new Peer("pods{cnpg.io/cluster=" + cluster + "}", "TCP", port(uri, 5432)));
            String database = uri.getPath().substring(1);
            assertThat(Manifests.ofKind(objects, "Database"))
                    .as("%s's database %s is declared in %s", service, database, cluster)
                    .anySatisfy(d -> {
                        assertThat(d.at("/spec/name").asText()).isEqualTo(database);
                        assertThat(d.at("/spec/cluster/name").asText()).isEqualTo(cluster);
                    });
        }
        String oidc = env.get("QUARKUS_OIDC_AUTH_SERVER_URL");
        if (oidc != null) {
            URI uri = URI.create(oidc);
            String keycloak = stripSuffix(uri.getHost(), "-service", service);
            ObjectNode resource = Manifests.named(objects, "Keycloak", keycloak);
            int port = port(uri, 80);
            assertThat(resource.at("/spec/http/httpPort").asInt(8080)).isEqualTo(port);
            expected.add(new Peer("pods{app=keycloak, app.kubernetes.io/instance=" + keycloak + "}", "TCP", port));
        }
        if (callsThePlatforms(service)) {
            expected.add(new Peer("ipBlock{0.0.0.0/0 except public only}", "TCP", 443));
        }
        return expected;
    }

    /** A service whose code maps {@code webcare.replies} (ingest) calls the platforms' HTTPS APIs. */
    private static boolean callsThePlatforms(String service) {
        Path sources = Manifests.repoRoot().resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .anyMatch(f -> Manifests.read(f).contains("@ConfigMapping(prefix = \"webcare.replies\")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Peer> peers(JsonNode rules) {
        Set<Peer> peers = new HashSet<>();
        for (JsonNode rule : rules) {
            JsonNode from = rule.has("to") ? rule.get("to") : rule.get("from");
            for (JsonNode peer : from) {
                for (JsonNode port : rule.path("ports")) {
                    peers.add(new Peer(
                            describe(peer),
                            port.path("protocol").asText("TCP"),
                            port.path("port").asInt()));
                }
            }
        }
        return peers;
    }

    private static String describe(JsonNode peer) {
        if (peer.has("ipBlock")) {
            JsonNode block = peer.get("ipBlock");
            Set<String> except = new HashSet<>();
            block.path("except").forEach(e -> except.add(e.asText()));
            assertThat(except).as("public addresses only").containsAll(PRIVATE_RANGES);
            return "ipBlock{" + block.path("cidr").asText() + " except public only}";
        }
        StringBuilder who = new StringBuilder();
        if (peer.has("namespaceSelector")) {
            who.append("namespace").append(labels(peer.at("/namespaceSelector/matchLabels")));
        }
        if (peer.has("podSelector")) {
            who.append(who.isEmpty() ? "" : " ").append("pods").append(labels(peer.at("/podSelector/matchLabels")));
        }
        return who.toString();
    }

    private static String labels(JsonNode matchLabels) {
        Map<String, String> sorted = new TreeMap<>();
        matchLabels
                .properties()
                .forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.toString();
    }

    private static String stripSuffix(String host, String suffix, String service) {
        assertThat(host).as("%s connects to %s", service, host).endsWith(suffix);
        return host.substring(0, host.length() - suffix.length());
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() > 0 ? uri.getPort() : defaultPort;
    }

    /** The container's environment from its ConfigMaps (envFrom) and literal values (env.value). */
    static Map<String, String> environment(List<ObjectNode> objects, ObjectNode deployment) {
        JsonNode container = K8sWorkloadTest.onlyContainer(deployment);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.at("/configMapRef/name").asText();
            assertThat(configMap)
                    .as("%s takes environment only from ConfigMaps", Manifests.name(deployment))
                    .isNotEmpty();
            Manifests.named(objects, "ConfigMap", configMap)
                    .path("data")
                    .properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return env;
    }

    /** The Secret an environment variable of the Deployment's container is read from. */
    static String secretRef(ObjectNode deployment, String variable) {
        return stream(K8sWorkloadTest.onlyContainer(deployment).path("env"))
                .filter(v -> v.path("name").asText().equals(variable))
                .map(v -> v.at("/valueFrom/secretKeyRef/name").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError(Manifests.name(deployment) + " has no " + variable));
    }
}

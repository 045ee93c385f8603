package io.webcare.deploy.k8s;

import static io.webcare.deploy.k8s.K8sWorkloadTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webcare.contract.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka through Strimzi: every topic the code uses is declared, and each service may touch only its own. */
class K8sKafkaTest {

    /** Who publishes each topic (architecture.md, Topics): the only user with Write on it. */
    private static final Map<String, String> PRODUCER = Map.of(
            Topics.MESSAGES_INBOUND, "ingest-service",
            Topics.MESSAGES_ROUTED, "routing-service",
            Topics.CASES, "case-service",
            Topics.SLA, "sla-service",
            Topics.FEEDBACK, "feedback-service",
            Topics.REPLIES_OUTBOUND, "case-service",
            Topics.REPLIES_DELIVERY, "ingest-service");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    static List<String> contractTopics() {
        return Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                .toList();
    }

    @Test
    void everyContractTopicHasAProducer() {
        assertThat(PRODUCER.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContractTopicAndItsDeadLetterTwinIsAKafkaTopicAndNothingElseIs(String overlay) {
        List<String> declared = Manifests.ofKind(Manifests.render(overlay), "KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText(Manifests.name(t)))
                .toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(contractTopics());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicHasExplicitPartitionsAndReplicasTheBrokersCanHold(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        int brokers = brokers(objects);
        for (ObjectNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt();

            assertThat(topic.at("/spec/partitions").asInt())
                    .as(Manifests.name(topic))
                    .isPositive();
            assertThat(replicas).as(Manifests.name(topic)).isBetween(1, brokers);
            assertThat(minIsr).as("min ISR of %s", Manifests.name(topic)).isBetween(1, Math.max(1, replicas - 1));
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .isEqualTo("webcare");
            assertThat(topic.at("/spec/config/cleanup.policy").asText()).isNotEmpty();
            assertThat(topic.at("/spec/config/retention.ms").asLong()).isPositive();
        }
    }

    @Test
    void productionHasThreeBrokersReplicationFactorThreeAndMinInSyncReplicasTwo() {
        List<ObjectNode> objects = Manifests.render("production");
        JsonNode config = Manifests.named(objects, "Kafka", "webcare").at("/spec/kafka/config");

        assertThat(brokers(objects)).isGreaterThanOrEqualTo(3);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(Manifests.ofKind(objects, "KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noAutoscaledConsumerCanHaveMorePodsThanItsInputTopicsHavePartitions(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (ObjectNode hpa : Manifests.ofKind(objects, "HorizontalPodAutoscaler")) {
            String service = hpa.at("/spec/scaleTargetRef/name").asText();
            for (String topic : KafkaConfig.of(service).consumed()) {
                assertThat(hpa.at("/spec/maxReplicas").asInt())
                        .as("%s reads %s", service, topic)
                        .isLessThanOrEqualTo(partitions(objects, topic));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterIsKraftOnlyWithTopicsDeclaredNeverAutoCreated(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        ObjectNode kafka = Manifests.named(objects, "Kafka", "webcare");

        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asText())
                .isEqualTo("false");
        assertThat(kafka.has("zookeeper")).isFalse();
        assertThat(Manifests.ofKind(objects, "KafkaNodePool"))
                .flatMap(p -> stream(p.at("/spec/roles")).map(JsonNode::asText).toList())
                .contains("controller", "broker");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesConnectWithTheirOwnScramUserOverTheTlsListener(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        JsonNode listener = stream(Manifests.named(objects, "Kafka", "webcare").at("/spec/kafka/listeners"))
                .filter(l -> l.path("port").asInt() == 9093)
                .findFirst()
                .orElseThrow();
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");

        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            Map<String, String> env = K8sNetworkPolicyTest.environment(objects, deployment);
            assertThat(env)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS"))
                    .endsWith(":" + listener.path("port").asInt());
            String user = K8sNetworkPolicyTest.secretRef(deployment, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(user).isEqualTo(Manifests.name(deployment));
            assertThat(Manifests.named(objects, "KafkaUser", user)
                            .at("/spec/authentication/type")
                            .asText())
                    .isEqualTo("scram-sha-512");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceMayReadWhatItConsumesAndWriteItsDeadLettersAndWhatItPublishes(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (String service : Manifests.SERVICES) {
            List<JsonNode> acls = acls(objects, service);
            KafkaConfig config = KafkaConfig.of(service);

            for (String topic : config.consumed()) {
                assertThat(allowed(acls, "topic", topic, "Read"))
                        .as("%s reads %s", service, topic)
                        .isTrue();
            }
            for (String topic : config.produced()) {
                assertThat(allowed(acls, "topic", topic, "Write"))
                        .as("%s writes %s", service, topic)
                        .isTrue();
            }
            for (String group : config.groups()) {
                assertThat(allowed(acls, "group", group, "Read"))
                        .as("%s in group %s", service, group)
                        .isTrue();
            }
            PRODUCER.forEach((topic, producer) -> assertThat(allowed(acls, "topic", topic, "Write"))
                    .as("%s writes %s", service, topic)
                    .isEqualTo(producer.equals(service)));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noServiceMayTouchAnythingBeyondItsTopicsAndItsOwnGroup(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        assertThat(Manifests.ofKind(objects, "KafkaUser").stream().map(Manifests::name))
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (String service : Manifests.SERVICES) {
            for (JsonNode acl : acls(objects, service)) {
                String type = acl.at("/resource/type").asText();
                String name = acl.at("/resource/name").asText();
                Set<String> operations = Set.copyOf(
                        stream(acl.path("operations")).map(JsonNode::asText).toList());

                assertThat(type).as("%s: %s", service, acl).isIn("topic", "group");
                assertThat(Set.of("Read", "Write", "Describe"))
                        .as("%s: %s", service, acl)
                        .containsAll(operations);
                if (type.equals("group")) {
                    assertThat(name).as("%s: %s", service, acl).isEqualTo(service);
                    assertThat(operations).containsOnly("Read");
                } else {
                    assertThat(acl.at("/resource/patternType").asText("literal"))
                            .isEqualTo("literal");
                    assertThat(contractTopics()).as("%s: %s", service, acl).contains(name);
                    if (name.endsWith(".dlq") && operations.contains("Write")) {
                        String twin = name.substring(0, name.length() - ".dlq".length());
                        assertThat(allowed(acls(objects, service), "topic", twin, "Read"))
                                .as("%s writes dead letters only of what it reads: %s", service, name)
                                .isTrue();
                    }
                }
            }
        }
    }

    static int brokers(List<ObjectNode> objects) {
        return Manifests.ofKind(objects, "KafkaNodePool").stream()
                .filter(p ->
                        stream(p.at("/spec/roles")).anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.at("/spec/replicas").asInt())
                .sum();
    }

    static int partitions(List<ObjectNode> objects, String topic) {
        return Manifests.named(objects, "KafkaTopic", topic)
                .at("/spec/partitions")
                .asInt();
    }

    private static List<JsonNode> acls(List<ObjectNode> objects, String user) {
        return stream(Manifests.named(objects, "KafkaUser", user).at("/spec/authorization/acls"))
                .toList();
    }

    private static boolean allowed(List<JsonNode> acls, String type, String name, String operation) {
        return acls.stream()
                .filter(a -> a.at("/resource/type").asText().equals(type))
                .filter(a -> a.at("/resource/patternType").asText("literal").equals("prefix")
                        ? name.startsWith(a.at("/resource/name").asText())
                        : name.equals(a.at("/resource/name").asText()))
                .anyMatch(a ->
                        stream(a.path("operations")).anyMatch(o -> o.asText().equals(operation)));
    }
}

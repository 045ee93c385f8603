package io.webcare.testsupport;

import io.webcare.contract.Topics;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (Kafka's own test kit) started once per test JVM, with every topic of the
 * contract and its dead-letter twin created. There is no Docker here, so no Testcontainers.
 *
 * <p>The broker's directory is ours, not the test kit's default temporary one: that one is deleted by a shutdown hook of
 * Kafka's own, which races the hook stopping the broker. When the directory vanished first, the broker saw every log
 * directory fail and halted the JVM with exit code 1 after all tests had passed, failing the build.
 */
public final class RealKafkaBroker {
    private static KafkaClusterTestKit cluster;

    private RealKafkaBroker() {}

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            start();
        }
        return cluster.bootstrapServers();
    }

    private static void start() {
        try {
            var nodes = new TestKitNodes.Builder()
                    .setBaseDirectory(Files.createTempDirectory("webcare-test-kafka"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createContractTopics(cluster.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(RealKafkaBroker::close, "kafka-test-broker-stop"));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    private static void createContractTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, 3, (short) 1));
                topics.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static synchronized void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // The JVM is exiting; nothing left to clean.
            }
            cluster = null;
        }
    }
}

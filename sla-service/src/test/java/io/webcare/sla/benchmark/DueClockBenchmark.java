package io.webcare.sla.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.kafka.CloudEvent;
import io.webcare.sla.clocks.DueClockScheduler;
import io.webcare.sla.policies.PolicyService;
import io.webcare.testsupport.Json;
import io.webcare.testsupport.RealKafkaBroker;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The scale benchmark of issue 6, against a real PostgreSQL and a real Kafka broker (the test kit's). Not part of the
 * normal test run (its name does not end in Test); run it with
 *
 * <pre>
 * ./mvnw -o -pl sla-service verify -Dtest=DueClockBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dwebcare.benchmark.clocks=1000000 -Dwebcare.benchmark.window=PT1H
 * </pre>
 *
 * Phase 1 loads {@code clocks} running clocks (resolution, 24 h target) whose 75 % warning falls due spread evenly over
 * {@code window} from the end of the load, and measures, per warning, the detection lag from its due time to the
 * record on {@code webcare.sla} (the record's timestamp), events per second, heap and RSS. Phase 2 is a downtime: the
 * scheduler is held, {@code clocks / 6} clocks (ten minutes' worth at one million an hour) fall due in the past ten
 * minutes, and the time from releasing the scheduler to the last of their warnings on the topic is the catch-up time.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class DueClockBenchmark {
    static final String TEAM = "benchmark";
    static final String RESTART_TEAM = "benchmark-restart";

    @Inject
    AgroalDataSource db;

    @Inject
    DueClockScheduler scheduler;

    @Inject
    PolicyService policies;

    @Test
    void dueClocksAreAnnouncedOnTime() throws Exception {
        int clocks = Integer.getInteger("webcare.benchmark.clocks", 100_000);
        Duration window = Duration.parse(System.getProperty("webcare.benchmark.window", "PT5M"));
        Duration observe = Duration.parse(System.getProperty("webcare.benchmark.observe", window.toString()));
        int policyVersion = policies.current(TEAM).version();
        int restartPolicyVersion = policies.current(RESTART_TEAM).version();
        report("clocks %d, due over %s, observed for %s", clocks, window, observe);
        report("before load: %s", memory());

        // --- Phase 1: clocks due over the window --------------------------------------------------------------
        scheduler.suspend();
        Instant loadStart = Instant.now();
        Instant dueFrom = loadStart.plus(Duration.ofSeconds(15 + clocks / 10_000));
        load(TEAM, clocks, dueFrom, window, policyVersion);
        Duration loadTime = Duration.between(loadStart, Instant.now());
        assertThat(Instant.now())
                .as("the load must end before the first clock falls due")
                .isBefore(dueFrom);
        Instant observeEnd = dueFrom.plus(observe);
        int expected = dueBefore(TEAM, observeEnd);
        report("loaded %d clocks in %s; %s; %s", clocks, loadTime, databaseSize(), memory());

        try (var topic = new WarningReader(TEAM, observeEnd)) {
            scheduler.resume();
            long[] lags = topic.readWarnings(expected, observe.plus(Duration.ofMinutes(5)));
            Arrays.sort(lags);
            Duration span = Duration.between(topic.first, topic.last);
            report(
                    "phase 1: %d warnings due in the first %s; detection lag p50 %d ms, p99 %d ms, max %d ms;"
                            + " %.0f events/s over %s",
                    lags.length,
                    observe,
                    percentile(lags, 50),
                    percentile(lags, 99),
                    lags[lags.length - 1],
                    lags.length / Math.max(0.001, span.toMillis() / 1000.0),
                    span);
            report("after phase 1: %s (peak heap used %d MiB)", memory(), topic.peakHeapMiB);
            assertThat(lags).hasSize(expected);
        }

        // --- Phase 2: catching up after a downtime --------------------------------------------------------------
        int missed = Math.max(1, clocks / 6);
        scheduler.suspend();
        Instant downFrom = Instant.now().minus(Duration.ofMinutes(10));
        load(RESTART_TEAM, missed, downFrom, Duration.ofMinutes(10).minusSeconds(1), restartPolicyVersion);
        try (var topic = new WarningReader(RESTART_TEAM, Instant.now())) {
            Instant released = Instant.now();
            scheduler.resume();
            long[] lags = topic.readWarnings(missed, Duration.ofMinutes(10));
            Duration catchUp = Duration.between(released, topic.last);
            report(
                    "phase 2: %d warnings that fell due during a 10 min downtime announced %s after the restart of"
                            + " the scheduler (%.0f events/s), while phase 1's clocks keep falling due",
                    lags.length, catchUp, lags.length / Math.max(0.001, catchUp.toMillis() / 1000.0));
            report("after phase 2: %s", memory());
            assertThat(lags).hasSize(missed);
        }
    }

    private int dueBefore(String team, Instant until) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select count(*) from sla_clock where team = ? and next_due_at < ?")) {
            q.setString(1, team);
            q.setTimestamp(2, Timestamp.from(until));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Inserts running resolution clocks whose 75 % warning falls due evenly over [from, from + window). */
    private void load(String team, int count, Instant from, Duration window, int policyVersion) throws Exception {
        long target = Duration.ofHours(24).toMillis();
        long warnAfter = target * 75 / 100;
        int chunk = 50_000;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int offset = 0; offset < count; offset += chunk) {
                int n = Math.min(chunk, count - offset);
                try (PreparedStatement insert = c.prepareStatement(
                        """
                        insert into sla_clock (case_id, clock, team, priority, channel, policy_team, policy_version,
                            status, target_no, started_at, target_millis, counted_millis, running_since,
                            announced_percent, escalation_level, warn_at, due_at, next_due_at)
                        select gen_random_uuid(), 'RESOLUTION', ?, 2, 'x', ?, ?, 'RUNNING', 1,
                               due - make_interval(secs => ? / 1000.0), ?, 0, due - make_interval(secs => ? / 1000.0),
                               0, 0, due, due + make_interval(secs => (? - ?) / 1000.0), due
                          from (select ?::timestamptz + make_interval(secs => (? + g) * ?::float8 / ?) as due
                                  from generate_series(0, ? - 1) g) d
                        """)) {
                    int i = 1;
                    insert.setString(i++, team);
                    insert.setString(i++, team);
                    insert.setInt(i++, policyVersion);
                    insert.setLong(i++, warnAfter);
                    insert.setLong(i++, target);
                    insert.setLong(i++, warnAfter);
                    insert.setLong(i++, target);
                    insert.setLong(i++, warnAfter);
                    insert.setTimestamp(i++, Timestamp.from(from));
                    insert.setInt(i++, offset);
                    insert.setDouble(i++, window.toMillis() / 1000.0);
                    insert.setInt(i++, count);
                    insert.setInt(i++, n);
                    insert.executeUpdate();
                }
                c.commit();
            }
            try (PreparedStatement analyze = c.prepareStatement("analyze sla_clock")) {
                analyze.execute();
            }
            c.commit();
        }
    }

    private String databaseSize() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select pg_size_pretty(pg_total_relation_size('sla_clock')), count(*) from sla_clock");
                ResultSet r = q.executeQuery()) {
            r.next();
            return "sla_clock " + r.getString(1) + " for " + r.getLong(2) + " rows";
        }
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    static String memory() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        return "heap used after GC " + heap + " MiB, RSS of the test JVM (service + Kafka broker) " + rssMiB() + " MiB";
    }

    static long rssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }

    static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }

    /** Reads the benchmark's warnings from the end of webcare.sla: lag = record timestamp - warnAt. */
    static final class WarningReader implements AutoCloseable {
        final KafkaConsumer<String, String> consumer;
        final String team;
        final Instant dueBefore;
        Instant first;
        Instant last;
        long peakHeapMiB;

        WarningReader(String team, Instant dueBefore) {
            this.team = team;
            this.dueBefore = dueBefore;
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            RealKafkaBroker.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "benchmark-" + UUID.randomUUID(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            5000),
                    new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA).stream()
                    .map(p -> new TopicPartition(Topics.SLA, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        long[] readWarnings(int expected, Duration timeout) throws Exception {
            long[] lags = new long[expected];
            int seen = 0;
            Instant deadline = Instant.now().plus(timeout);
            while (seen < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!CloudEvent.fromHeaders(r.headers()).type().equals(EventType.SLA_WARNING.ceType())) {
                        continue;
                    }
                    JsonNode json = Json.MAPPER.readTree(r.value());
                    Instant warnAt = Instant.parse(json.path("warnAt").asText());
                    if (!team.equals(json.path("team").asText()) || !warnAt.isBefore(dueBefore) || seen >= expected) {
                        continue;
                    }
                    Instant onTopic = Instant.ofEpochMilli(r.timestamp());
                    lags[seen++] = Math.max(0, onTopic.toEpochMilli() - warnAt.toEpochMilli());
                    first = first == null ? onTopic : first;
                    last = onTopic;
                }
                peakHeapMiB = Math.max(
                        peakHeapMiB,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
            }
            return Arrays.copyOf(lags, seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

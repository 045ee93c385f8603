package io.webcare.deploy.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Webcare topics as an outside observer (an analyst, a load test): a plain consumer without a group, assigned
 * to every partition, so it commits nothing and disturbs no service's consumer group.
 *
 * <p>Use {@link #fromEnd} before causing traffic (it seeks to the end <em>and</em> resolves the positions, so nothing
 * produced after it returns is missed), then {@link #start} to hand each event to a callback on a background thread;
 * or {@link #readAllFromBeginning} to take a snapshot of everything so far.
 */
public final class EventTap implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private Thread poller;
    private volatile boolean running;

    private EventTap(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "webcare-tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only what the producing service committed (its outbox relay or Kafka transaction), as any consumer sees.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        try {
            this.partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("Topic " + topic + " does not exist on " + bootstrapServers
                            + " (is the stack started? the launcher creates the topics)");
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** A tap positioned at the current end of every partition of the topics. */
    public static EventTap fromEnd(String bootstrapServers, List<String> topics) {
        EventTap tap = new EventTap(bootstrapServers, topics);
        tap.consumer.seekToEnd(tap.partitions);
        // seekToEnd is lazy: resolve every position now, so records produced from here on are all read.
        tap.partitions.forEach(tp -> tap.consumer.position(tp, Duration.ofSeconds(30)));
        return tap;
    }

    /** Every record on the topics up to their current end (a snapshot; the tap is closed afterwards). */
    public static List<StackEvent> readAllFromBeginning(String bootstrapServers, List<String> topics) {
        try (EventTap tap = new EventTap(bootstrapServers, topics)) {
            tap.consumer.seekToBeginning(tap.partitions);
            Map<TopicPartition, Long> ends = tap.consumer.endOffsets(tap.partitions, Duration.ofSeconds(30));
            List<StackEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!tap.caughtUp(ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topics + " to their end within 60 s");
                }
                tap.consumer.poll(POLL).forEach(r -> events.add(toEvent(r, System.nanoTime())));
            }
            return events;
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        // With read_committed the position may stop short of the end offset at a transaction marker; it moves past
        // it on the next poll, so comparing with >= is exact once everything before the end has been returned.
        return ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(30)) >= e.getValue());
    }

    /** Polls on a background thread and hands every event to {@code handler} until {@link #close}. */
    public void start(Consumer<StackEvent> handler) {
        startRaw(record -> handler.accept(toEvent(record, System.nanoTime())));
    }

    /**
     * Like {@link #start}, but hands over the records as they are, unparsed: for a benchmark that counts tens of
     * thousands of events per second on the machine it measures, and should not spend its CPU parsing them.
     */
    public synchronized void startRaw(Consumer<ConsumerRecord<String, String>> handler) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        poller = Thread.ofPlatform().name("webcare-event-tap").daemon().start(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                        handler.accept(r);
                    }
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                System.err.println("event tap stopped reading: " + e);
                throw e;
            } finally {
                consumer.close();
            }
        });
    }

    @Override
    public synchronized void close() {
        if (poller == null) {
            consumer.close();
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static StackEvent toEvent(ConsumerRecord<String, String> record, long receivedNanos) {
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(record.value() == null ? "null" : record.value());
        } catch (Exception e) {
            payload = Json.MAPPER.getNodeFactory().textNode(record.value()); // not JSON: keep it as text
        }
        return new StackEvent(
                record.topic(),
                header(record, "ce_id"),
                header(record, "ce_type"),
                record.key(),
                payload,
                receivedNanos);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

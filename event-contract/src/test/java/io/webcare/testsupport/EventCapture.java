package io.webcare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.contract.EventType;
import io.webcare.contract.kafka.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning and lets a test wait for the events it expects. Every event it hands out has
 * been checked on the way: CloudEvents headers present and well-formed, payload valid against its JSON Schema.
 */
public final class EventCapture implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private EventCapture(String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealKafkaBroker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-capture-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static EventCapture of(String topic) {
        return new EventCapture(topic);
    }

    /** Waits up to 30 s for the first event of {@code type} whose payload matches, and returns it. */
    public <T> CapturedEvent<T> await(EventType type, Predicate<T> match) {
        List<CapturedEvent<T>> found = awaitCount(type, match, 1, Duration.ofSeconds(30));
        return found.getFirst();
    }

    /** Waits until at least {@code count} matching events arrived, then returns all that match. */
    public <T> List<CapturedEvent<T>> awaitCount(EventType type, Predicate<T> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<CapturedEvent<T>> found = matching(type, match);
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " " + type.ceType() + " event(s), saw " + found.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Reads for {@code quietPeriod} more, then returns every matching event seen (to prove something happened once). */
    public <T> List<CapturedEvent<T>> allAfter(Duration quietPeriod, EventType type, Predicate<T> match) {
        Instant until = Instant.now().plus(quietPeriod);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(type, match);
    }

    @SuppressWarnings("unchecked")
    private <T> List<CapturedEvent<T>> matching(EventType type, Predicate<T> match) {
        List<CapturedEvent<T>> result = new ArrayList<>();
        for (ConsumerRecord<String, String> record : seen) {
            CloudEvent cloudEvent = CloudEvent.fromHeaders(record.headers());
            if (!cloudEvent.type().equals(type.ceType())) {
                continue;
            }
            try {
                JsonNode json = Json.MAPPER.readTree(record.value());
                assertThat(ContractSchemas.violations(type, json))
                        .as("%s payload must conform to %s", type.ceType(), type.schemaResource())
                        .isEmpty();
                T payload = (T) Json.MAPPER.treeToValue(json, type.payloadType());
                if (match.test(payload)) {
                    result.add(new CapturedEvent<>(record.key(), cloudEvent, json, payload));
                }
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON on " + record.topic() + ": " + record.value(), e);
            }
        }
        return result;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package io.webcare.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.webcare.contract.EventType;
import io.webcare.contract.kafka.CloudEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on the real broker the way another service would, including ones a consumer must refuse. */
public final class TestEvents {
    private TestEvents() {}

    /** Publishes {@code payload} as a proper contract event; returns its ce_id. */
    public static UUID publish(EventType type, String key, Record payload) {
        return publish(type, key, payload, UUID.randomUUID());
    }

    /** Publishes with a chosen ce_id, e.g. the same id twice to prove a consumer is idempotent. */
    public static UUID publish(EventType type, String key, Record payload, UUID eventId) {
        try {
            var cloudEvent = new CloudEvent(eventId, "/webcare/test", type.ceType(), Instant.now());
            send(type.topic(), key, Json.MAPPER.writeValueAsString(payload), cloudEvent.toHeaders());
            return eventId;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends raw bytes with raw headers: poison records for dead-letter tests. */
    public static void send(String topic, String key, String value, Headers headers) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealKafkaBroker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static Headers noHeaders() {
        return new RecordHeaders();
    }
}

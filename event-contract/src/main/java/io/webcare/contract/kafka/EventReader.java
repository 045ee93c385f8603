package io.webcare.contract.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.contract.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a consumed record into a typed event, or throws {@link UnreadableEventException} so that the channel's
 * dead-letter strategy parks it with the reason instead of blocking the partition.
 */
@ApplicationScoped
public class EventReader {
    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a record that must be of one of the {@code accepted} types. */
    public ReceivedEvent<Object> read(ConsumerRecord<String, String> record, Set<EventType> accepted) {
        CloudEvent cloudEvent = CloudEvent.fromHeaders(record.headers());
        EventType type = EventType.ofCeType(cloudEvent.type())
                .filter(accepted::contains)
                .orElseThrow(() -> new UnreadableEventException("unexpected event type " + cloudEvent.type()));
        if (record.value() == null) {
            throw new UnreadableEventException("empty payload for " + cloudEvent.type());
        }
        try {
            Object payload = json.readValue(record.value(), type.payloadType());
            return new ReceivedEvent<>(cloudEvent, type, record.key(), payload);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(
                    "payload is not a valid " + cloudEvent.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a record that must be of exactly one type. */
    @SuppressWarnings("unchecked")
    public <T> ReceivedEvent<T> read(ConsumerRecord<String, String> record, EventType expected) {
        return (ReceivedEvent<T>) read(record, Set.of(expected));
    }
}

package io.webcare.contract.inbox;

import io.webcare.contract.EventType;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way a service consumes contract events: read the record (a poison record throws, and the channel parks it
 * on its dead-letter topic), then apply its effect only the first time this consumer sees the event's id, in the
 * caller's transaction.
 */
@ApplicationScoped
public class Inbox {
    private final EventReader reader;
    private final ProcessedEventRepository processed;

    public Inbox(EventReader reader, ProcessedEventRepository processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void once(String consumer, ConsumerRecord<String, String> record, EventType type, Consumer<T> effect) {
        ReceivedEvent<T> event = reader.read(record, type);
        if (processed.firstDelivery(consumer, event.cloudEvent().id())) {
            effect.accept(event.payload());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void once(
            String consumer,
            ConsumerRecord<String, String> record,
            Set<EventType> types,
            Consumer<ReceivedEvent<Object>> effect) {
        ReceivedEvent<Object> event = reader.read(record, types);
        if (processed.firstDelivery(consumer, event.cloudEvent().id())) {
            effect.accept(event);
        }
    }
}

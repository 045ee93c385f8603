package io.webcare.contract.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.webcare.contract.EventType;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way a service consumes contract events: read the record (a poison record throws at once, and the channel
 * parks it on its dead-letter topic with the reason), then apply its effect in a transaction of its own, only the
 * first time this consumer sees the event's id. An effect that fails is retried with backoff, each attempt in a
 * fresh transaction, before the record is given up to the dead-letter topic.
 */
@ApplicationScoped
public class Inbox {
    private final EventReader reader;
    private final ProcessedEventRepository processed;
    private final TransientRetry retry;

    public Inbox(
            EventReader reader,
            ProcessedEventRepository processed,
            @ConfigProperty(name = "webcare.inbox.max-attempts", defaultValue = "6") int maxAttempts,
            @ConfigProperty(name = "webcare.inbox.first-backoff", defaultValue = "PT0.2S") Duration firstBackoff,
            @ConfigProperty(name = "webcare.inbox.max-backoff", defaultValue = "PT5S") Duration maxBackoff) {
        this.reader = reader;
        this.processed = processed;
        this.retry = new TransientRetry(maxAttempts, firstBackoff, maxBackoff);
    }

    public <T> void once(String consumer, ConsumerRecord<String, String> record, EventType type, Consumer<T> effect) {
        ReceivedEvent<T> event = reader.read(record, type);
        apply(consumer, event, () -> effect.accept(event.payload()));
    }

    public void once(
            String consumer,
            ConsumerRecord<String, String> record,
            Set<EventType> types,
            Consumer<ReceivedEvent<Object>> effect) {
        ReceivedEvent<Object> event = reader.read(record, types);
        apply(consumer, event, () -> effect.accept(event));
    }

    private void apply(String consumer, ReceivedEvent<?> event, Runnable effect) {
        retry.run(
                consumer + " handling " + event.cloudEvent().type() + " "
                        + event.cloudEvent().id(),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.firstDelivery(consumer, event.cloudEvent().id())) {
                        effect.run();
                    }
                }));
    }
}

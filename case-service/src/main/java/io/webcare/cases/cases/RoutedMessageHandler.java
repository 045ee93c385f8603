package io.webcare.cases.cases;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.ProcessedEventRepository;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routed messages become cases; each event changes state once, however often it is delivered. */
@ApplicationScoped
public class RoutedMessageHandler {
    private final EventReader reader;
    private final ProcessedEventRepository processed;
    private final CaseService cases;

    public RoutedMessageHandler(EventReader reader, ProcessedEventRepository processed, CaseService cases) {
        this.reader = reader;
        this.processed = processed;
        this.cases = cases;
    }

    @Incoming("routed-messages")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent<MessageRouted> event = reader.read(record, EventType.MESSAGE_ROUTED);
        if (processed.firstDelivery("cases", event.cloudEvent().id())) {
            cases.receive(event.payload());
        }
    }
}

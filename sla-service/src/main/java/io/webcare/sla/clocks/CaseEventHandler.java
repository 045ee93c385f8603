package io.webcare.sla.clocks;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.inbox.ProcessedEventRepository;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Case lifecycle events drive the clocks; each event is applied once. */
@ApplicationScoped
public class CaseEventHandler {
    private static final Set<EventType> CASE_EVENTS = Set.of(EventType.CASE_OPENED, EventType.CASE_MESSAGE_ADDED);

    private final EventReader reader;
    private final ProcessedEventRepository processed;
    private final ClockService clocks;

    public CaseEventHandler(EventReader reader, ProcessedEventRepository processed, ClockService clocks) {
        this.reader = reader;
        this.processed = processed;
        this.clocks = clocks;
    }

    @Incoming("case-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent<Object> event = reader.read(record, CASE_EVENTS);
        if (!processed.firstDelivery("sla", event.cloudEvent().id())) {
            return;
        }
        if (event.payload() instanceof CaseOpened opened) {
            clocks.caseOpened(opened);
        }
        // A message added to an open case does not move these clocks; next-response time comes with SLA policies.
    }
}

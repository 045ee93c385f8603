package io.webcare.sla.clocks;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Case lifecycle events drive the clocks; each event is applied once. */
@ApplicationScoped
public class CaseEventHandler {
    private static final Set<EventType> CASE_EVENTS = Set.of(EventType.CASE_OPENED, EventType.CASE_MESSAGE_ADDED);

    private final Inbox inbox;
    private final ClockService clocks;

    public CaseEventHandler(Inbox inbox, ClockService clocks) {
        this.inbox = inbox;
        this.clocks = clocks;
    }

    @Incoming("case-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("sla", record, CASE_EVENTS, event -> {
            if (event.payload() instanceof CaseOpened opened) {
                clocks.caseOpened(opened);
            }
            // A message added to an open case does not move these clocks; next-response time comes with policies.
        });
    }
}

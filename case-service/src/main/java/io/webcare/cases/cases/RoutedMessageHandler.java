package io.webcare.cases.cases;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routed messages become cases; each event changes state once, however often it is delivered. */
@ApplicationScoped
public class RoutedMessageHandler {
    private final Inbox inbox;
    private final CaseService cases;

    public RoutedMessageHandler(Inbox inbox, CaseService cases) {
        this.inbox = inbox;
        this.cases = cases;
    }

    @Incoming("routed-messages")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("cases", record, EventType.MESSAGE_ROUTED, cases::receive);
    }
}

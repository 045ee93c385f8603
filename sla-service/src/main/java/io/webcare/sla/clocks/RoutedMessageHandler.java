package io.webcare.sla.clocks;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The platform's reply window of each message (WhatsApp, Messenger) is only on the routed message, not on the case
 * events: this consumer records it per message id, and starts the case's reply-window clock when the case event naming
 * the message has already arrived (otherwise that event starts it).
 */
@ApplicationScoped
public class RoutedMessageHandler {
    private final Inbox inbox;
    private final ClockService clocks;
    private final ClockRecords records;
    private final Event<ClocksChanged> changed;

    public RoutedMessageHandler(Inbox inbox, ClockService clocks, ClockRecords records, Event<ClocksChanged> changed) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.records = records;
        this.changed = changed;
    }

    @Incoming("routed-messages")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("sla-routed", record, EventType.MESSAGE_ROUTED, (MessageRouted routed) -> {
            InboundMessage message = routed.message();
            if (message.replyWindowClosesAt() == null || !routed.decision().slaApplies()) {
                return;
            }
            records.messageWindow(message.messageId(), message.replyWindowClosesAt())
                    .ifPresent(
                            caseId -> clocks.replyWindow(caseId, message.receivedAt(), message.replyWindowClosesAt()));
        });
        changed.fire(ClocksChanged.INSTANCE);
    }
}

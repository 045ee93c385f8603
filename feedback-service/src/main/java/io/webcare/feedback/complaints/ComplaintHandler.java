package io.webcare.feedback.complaints;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Routed complaints, once per event: counted per topic, grouped with the complaints about the same problem (which may
 * make or join an issue) and counted for spikes. Other intents are not complaints and are ignored.
 */
@ApplicationScoped
public class ComplaintHandler {
    static final String NO_TOPIC = "general";

    private final Inbox inbox;
    private final ComplaintCountRepository counts;
    private final ComplaintService complaints;

    public ComplaintHandler(Inbox inbox, ComplaintCountRepository counts, ComplaintService complaints) {
        this.inbox = inbox;
        this.counts = counts;
        this.complaints = complaints;
    }

    @Incoming("routed-messages")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("feedback", record, EventType.MESSAGE_ROUTED, this::handle);
    }

    private void handle(MessageRouted routed) {
        if (routed.analysis().intent() != Intent.COMPLAINT) {
            return;
        }
        List<String> topics = routed.analysis().topics().isEmpty()
                ? List.of(NO_TOPIC)
                : routed.analysis().topics();
        topics.forEach(topic -> counts.increment(topic, routed.message().receivedAt()));
        complaints.received(routed);
    }
}

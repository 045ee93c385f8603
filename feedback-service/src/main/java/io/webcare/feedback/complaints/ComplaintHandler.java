package io.webcare.feedback.complaints;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts routed complaints per topic, once per event. Grouping into recurring issues comes with the feedback issue. */
@ApplicationScoped
public class ComplaintHandler {
    static final String NO_TOPIC = "general";

    private final Inbox inbox;
    private final ComplaintCountRepository counts;

    public ComplaintHandler(Inbox inbox, ComplaintCountRepository counts) {
        this.inbox = inbox;
        this.counts = counts;
    }

    @Incoming("routed-messages")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("feedback", record, EventType.MESSAGE_ROUTED, this::count);
    }

    private void count(MessageRouted routed) {
        if (routed.analysis().intent() != Intent.COMPLAINT) {
            return;
        }
        List<String> topics = routed.analysis().topics().isEmpty()
                ? List.of(NO_TOPIC)
                : routed.analysis().topics();
        topics.forEach(topic -> counts.increment(topic, routed.message().receivedAt()));
    }
}

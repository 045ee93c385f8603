package io.webcare.feedback.complaints;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.ProcessedEventRepository;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts routed complaints per topic, once per event. Grouping into recurring issues comes with the feedback issue. */
@ApplicationScoped
public class ComplaintHandler {
    static final String NO_TOPIC = "general";

    private final EventReader reader;
    private final ProcessedEventRepository processed;
    private final ComplaintCountRepository counts;

    public ComplaintHandler(EventReader reader, ProcessedEventRepository processed, ComplaintCountRepository counts) {
        this.reader = reader;
        this.processed = processed;
        this.counts = counts;
    }

    @Incoming("routed-messages")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent<MessageRouted> event = reader.read(record, EventType.MESSAGE_ROUTED);
        MessageRouted routed = event.payload();
        if (routed.analysis().intent() != Intent.COMPLAINT
                || !processed.firstDelivery("feedback", event.cloudEvent().id())) {
            return;
        }
        List<String> topics = routed.analysis().topics().isEmpty()
                ? List.of(NO_TOPIC)
                : routed.analysis().topics();
        topics.forEach(topic -> counts.increment(topic, routed.message().receivedAt()));
    }
}

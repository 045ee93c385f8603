package io.webcare.ingest.replies;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.kafka.EventReader;
import io.webcare.contract.kafka.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code webcare.reply.requested.v1} and delivers each reply once. Idempotent by the reply id (stronger
 * than the event id: the same reply re-requested under a new event id is not posted again either), see
 * {@link ReplyDeliveryService}. A record that cannot be read, or lacks what every delivery needs, goes to
 * {@code webcare.replies.outbound.dlq} with the reason.
 */
@ApplicationScoped
public class ReplyRequestHandler {
    private final EventReader reader;
    private final ReplyDeliveryService deliveries;

    public ReplyRequestHandler(EventReader reader, ReplyDeliveryService deliveries) {
        this.reader = reader;
        this.deliveries = deliveries;
    }

    @Incoming("reply-requests")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        ReplyRequested reply =
                reader.<ReplyRequested>read(record, EventType.REPLY_REQUESTED).payload();
        if (reply.replyId() == null
                || reply.caseId() == null
                || reply.channel() == null
                || reply.visibility() == null) {
            throw new UnreadableEventException("a reply request needs replyId, caseId, channel and visibility");
        }
        if (reply.conversationKey() == null
                || reply.conversationKey().isBlank()
                || reply.conversationKey().length() > 255) {
            throw new UnreadableEventException("a reply request needs a conversationKey of at most 255 characters");
        }
        deliveries.deliver(reply);
    }
}

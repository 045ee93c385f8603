package io.webcare.cases.replies;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** ingest-service's delivery reports: each applied once; a report about an unknown reply is dead-lettered. */
@ApplicationScoped
public class ReplyDeliveryHandler {
    private final Inbox inbox;
    private final ReplyService replies;

    public ReplyDeliveryHandler(Inbox inbox, ReplyService replies) {
        this.inbox = inbox;
        this.replies = replies;
    }

    @Incoming("reply-delivery")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("case-reply-delivery", record, Set.of(EventType.REPLY_DELIVERED, EventType.REPLY_FAILED), event -> {
            if (event.payload() instanceof ReplyDelivered delivered) {
                replies.delivered(delivered);
            } else if (event.payload() instanceof ReplyFailed failed) {
                replies.failed(failed);
            }
        });
    }
}

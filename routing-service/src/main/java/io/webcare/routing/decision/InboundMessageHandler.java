package io.webcare.routing.decision;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.inbox.Inbox;
import io.webcare.contract.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes inbound messages and publishes each, analysed and routed, exactly once in effect: the inbox records the
 * event id and the outbox the routed event in one database transaction, so a redelivered message is not routed
 * twice and a crash before the commit routes it again (the equivalent of Kafka's consume-transform-produce
 * transactions, with the database as the single point of commit).
 */
@ApplicationScoped
public class InboundMessageHandler {
    private final Inbox inbox;
    private final RoutingService routing;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public InboundMessageHandler(
            Inbox inbox, RoutingService routing, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.inbox = inbox;
        this.routing = routing;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Incoming("inbound-messages")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("routing", record, EventType.MESSAGE_RECEIVED, this::route);
    }

    private void route(InboundMessage message) {
        var author = message.author();
        var reach = new Reach(author.followers(), author.verified(), message.visibility() == Visibility.PUBLIC);
        var routed =
                routing.route(message.text(), reach, message.channel(), author.handle(), message.conversationKey());
        outbox.publish(
                EventType.MESSAGE_ROUTED,
                message.conversationKey(),
                new MessageRouted(message, routed.analysis(), routed.decision(), Instant.now(clock)));
        meters.counter(
                        "webcare.routing.routed",
                        "team",
                        routed.decision().team(),
                        "priority",
                        String.valueOf(routed.decision().priority()),
                        "intent",
                        routed.analysis().intent().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }
}

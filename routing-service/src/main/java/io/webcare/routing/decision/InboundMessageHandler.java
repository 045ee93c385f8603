package io.webcare.routing.decision;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.inbox.Inbox;
import io.webcare.contract.outbox.Outbox;
import io.webcare.routing.analysis.FirstCutAnalyser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes inbound messages and publishes each, analysed and routed, exactly once in effect. */
@ApplicationScoped
public class InboundMessageHandler {
    private final Inbox inbox;
    private final FirstCutAnalyser analyser;
    private final TeamRouter router;
    private final Outbox outbox;
    private final Clock clock;

    public InboundMessageHandler(
            Inbox inbox, FirstCutAnalyser analyser, TeamRouter router, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.analyser = analyser;
        this.router = router;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("inbound-messages")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("routing", record, EventType.MESSAGE_RECEIVED, this::route);
    }

    private void route(InboundMessage message) {
        MessageAnalysis analysis = analyser.analyse(message);
        var routed = new MessageRouted(message, analysis, router.decide(analysis), Instant.now(clock));
        outbox.publish(EventType.MESSAGE_ROUTED, message.conversationKey(), routed);
    }
}

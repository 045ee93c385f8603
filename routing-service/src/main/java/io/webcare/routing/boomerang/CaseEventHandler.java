package io.webcare.routing.boomerang;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.inbox.Inbox;
import io.webcare.contract.kafka.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the recent-cases read model from webcare.cases, each event applied once. The topic carries more case events
 * than routing needs (assigned, replied, ...): those are skipped; a record that is not a readable case event at all
 * goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class CaseEventHandler {
    static final Set<EventType> NEEDED =
            Set.of(EventType.CASE_OPENED, EventType.CASE_RESOLVED, EventType.CASE_REOPENED, EventType.CASE_TRANSFERRED);

    private final Inbox inbox;
    private final Boomerangs boomerangs;

    public CaseEventHandler(Inbox inbox, Boomerangs boomerangs) {
        this.inbox = inbox;
        this.boomerangs = boomerangs;
    }

    @Incoming("case-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        Optional<EventType> type = Optional.ofNullable(record.headers().lastHeader(CloudEvent.TYPE))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .flatMap(EventType::ofCeType);
        if (type.isPresent() && !NEEDED.contains(type.get())) {
            return;
        }
        inbox.once("routing-recent-cases", record, NEEDED, event -> {
            switch (event.payload()) {
                case CaseOpened e -> boomerangs.opened(e);
                case CaseResolved e -> boomerangs.resolved(e);
                case CaseReopened e -> boomerangs.reopened(e);
                case CaseTransferred e -> boomerangs.transferred(e);
                default -> throw new IllegalStateException("unexpected " + event.payload());
            }
        });
    }
}

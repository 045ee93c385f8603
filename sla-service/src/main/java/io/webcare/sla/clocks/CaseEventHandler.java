package io.webcare.sla.clocks;

import io.smallrye.common.annotation.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseClosed;
import io.webcare.contract.events.CaseMerged;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Case lifecycle events drive the clocks; each event is applied once. Every case event type is accepted (assigned,
 * escalated and reply-failed move no clock); a record of another type is poison and goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventHandler {
    private static final Set<EventType> CASE_EVENTS = Arrays.stream(EventType.values())
            .filter(t -> t.topic().equals(Topics.CASES))
            .collect(Collectors.toUnmodifiableSet());

    private final Inbox inbox;
    private final ClockService clocks;
    private final ClockRecords records;
    private final Event<ClocksChanged> changed;

    public CaseEventHandler(Inbox inbox, ClockService clocks, ClockRecords records, Event<ClocksChanged> changed) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.records = records;
        this.changed = changed;
    }

    @Incoming("case-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("sla", record, CASE_EVENTS, event -> {
            switch (event.payload()) {
                case CaseOpened e -> clocks.caseOpened(e);
                case CaseMessageAdded e -> clocks.messageAdded(e);
                case CaseReplied e -> clocks.replied(e);
                case CaseWaiting e -> clocks.waiting(e);
                case CaseResolved e -> {
                    records.resolved(e.caseId(), e.resolvedAt(), e.firstTimeFix());
                    clocks.finished(e.caseId(), e.resolvedAt());
                }
                case CaseReopened e -> clocks.reopened(e);
                case CaseTransferred e -> clocks.transferred(e);
                case CaseClosed e -> clocks.finished(e.caseId(), e.closedAt());
                case CaseMerged e -> clocks.finished(e.caseId(), e.mergedAt());
                case CaseSatisfactionRecorded e -> records.satisfaction(e.caseId(), e.scale(), e.score());
                default -> {
                    // assigned, escalated, reply-failed: no clock moves
                }
            }
        });
        // After the commit (inbox.once runs its own transaction): what observers read now includes this event.
        changed.fire(ClocksChanged.INSTANCE);
    }
}

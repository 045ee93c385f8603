package io.webcare.feedback.complaints;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseMerged;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.inbox.Inbox;
import io.webcare.feedback.issues.IssueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns which case each message belongs to (CaseOpened's first message, CaseMessageAdded's message), so that an
 * issue knows every case to tell when it is resolved; a merged case's links move to the case it was merged into.
 * Every case event type is accepted; a record of another type is poison and goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventHandler {
    private static final Set<EventType> CASE_EVENTS = Arrays.stream(EventType.values())
            .filter(t -> t.topic().equals(Topics.CASES))
            .collect(Collectors.toUnmodifiableSet());

    private final Inbox inbox;
    private final ComplaintService complaints;
    private final MessageCaseRepository messageCases;
    private final IssueRepository issues;

    public CaseEventHandler(
            Inbox inbox, ComplaintService complaints, MessageCaseRepository messageCases, IssueRepository issues) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.messageCases = messageCases;
        this.issues = issues;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("feedback-cases", record, CASE_EVENTS, event -> {
            switch (event.payload()) {
                case CaseOpened e -> {
                    if (e.firstMessageId() != null) {
                        complaints.caseOfMessage(e.firstMessageId(), e.caseId());
                    }
                }
                case CaseMessageAdded e -> complaints.caseOfMessage(e.messageId(), e.caseId());
                case CaseMerged e -> {
                    messageCases.merge(e.caseId(), e.intoCaseId());
                    issues.mergeCase(e.caseId(), e.intoCaseId());
                }
                default -> {
                    // other lifecycle events do not change which case a message belongs to
                }
            }
        });
    }
}

package io.webcare.cases.feedback;

import io.smallrye.common.annotation.Blocking;
import io.webcare.cases.replies.ReplyService;
import io.webcare.contract.EventType;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The closed loop: when a product owner resolves a feedback issue, its customers hear about it. The other feedback
 * events are read (so the topic's contract is enforced) and need nothing here.
 */
@ApplicationScoped
public class IssueResolvedHandler {
    private static final Set<EventType> FEEDBACK = EnumSet.of(
            EventType.FEEDBACK_ISSUE_DETECTED,
            EventType.FEEDBACK_ISSUE_CASES_LINKED,
            EventType.FEEDBACK_ISSUE_STATUS_CHANGED,
            EventType.FEEDBACK_ISSUE_RESOLVED,
            EventType.FEEDBACK_INCIDENT_DETECTED);

    private final Inbox inbox;
    private final ReplyService replies;

    public IssueResolvedHandler(Inbox inbox, ReplyService replies) {
        this.inbox = inbox;
        this.replies = replies;
    }

    @Incoming("feedback-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("case-feedback", record, FEEDBACK, event -> {
            if (event.payload() instanceof IssueResolved resolved) {
                replies.followUp(resolved);
            }
        });
    }
}

package io.webcare.feedback.complaints;

import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.transactions.AfterCommit;
import io.webcare.feedback.grouping.Assignment;
import io.webcare.feedback.grouping.Complaint;
import io.webcare.feedback.incidents.IncidentService;
import io.webcare.feedback.issues.IssueService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Stores each complaint with the group it joined and its case (if case-service announced it already), then lets
 * issues and incidents react; the in-memory group changes once the transaction committed.
 */
@ApplicationScoped
public class ComplaintService {
    private final StoredComplaintRepository complaints;
    private final MessageCaseRepository messageCases;
    private final GroupingState state;
    private final IssueService issues;
    private final IncidentService incidents;
    private final AfterCommit afterCommit;

    public ComplaintService(
            StoredComplaintRepository complaints,
            MessageCaseRepository messageCases,
            GroupingState state,
            IssueService issues,
            IncidentService incidents,
            AfterCommit afterCommit) {
        this.complaints = complaints;
        this.messageCases = messageCases;
        this.state = state;
        this.issues = issues;
        this.incidents = incidents;
        this.afterCommit = afterCommit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(MessageRouted routed) {
        InboundMessage message = routed.message();
        messageCases.lock(message.messageId());
        if (complaints.byMessage(message.messageId()).isPresent()) {
            return; // the same message routed again (a replay): grouped already
        }
        List<String> topics = routed.analysis().topics();
        String text = message.text() == null ? "" : message.text();
        Complaint complaint =
                new Complaint(message.messageId(), text, routed.analysis().language(), topics, message.receivedAt());
        Assignment assignment = state.grouper().propose(complaint);

        StoredComplaint stored = new StoredComplaint();
        stored.messageId = message.messageId();
        stored.groupId = assignment.groupId();
        stored.caseId = messageCases.caseOf(message.messageId()).orElse(null);
        stored.channel = message.channel().name();
        stored.author =
                message.author() == null ? null : truncate(message.author().handle(), 200);
        stored.language = truncate(routed.analysis().language(), 10);
        stored.topics = truncate(String.join(",", topics), 500);
        stored.text = text;
        stored.receivedAt = message.receivedAt();
        complaints.persist(stored);
        complaints.flush();
        afterCommit.run(() -> state.grouper().apply(assignment));

        messageCases.lockGroup(stored.groupId);
        issues.complaintGrouped(stored);
        incidents.complaintStored(stored);
    }

    /** case-service announced the case of a message (opened with it, or the message was added to it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseOfMessage(UUID messageId, UUID caseId) {
        messageCases.lock(messageId);
        messageCases.remember(messageId, caseId);
        complaints.byMessage(messageId).ifPresent(complaint -> {
            messageCases.lockGroup(complaint.groupId);
            complaints.getEntityManager().refresh(complaint); // the issue an issue detection committed meanwhile
            if (complaint.caseId == null) {
                complaint.caseId = caseId;
                issues.caseKnown(complaint);
                incidents.caseKnown(complaint);
            }
        });
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

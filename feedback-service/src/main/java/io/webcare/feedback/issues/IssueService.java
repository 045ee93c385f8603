package io.webcare.feedback.issues;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.FeedbackSample;
import io.webcare.contract.events.IssueCasesLinked;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.IssueStatusChanged;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import io.webcare.contract.transactions.AfterCommit;
import io.webcare.feedback.FeedbackConfig;
import io.webcare.feedback.complaints.GroupingState;
import io.webcare.feedback.complaints.StoredComplaint;
import io.webcare.feedback.complaints.StoredComplaintRepository;
import io.webcare.feedback.grouping.GroupSnapshot;
import io.webcare.feedback.webhook.WebhookNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns groups into issues and moves issues through their life. Every change is stored with the event announcing it
 * (outbox) in the caller's transaction.
 */
@ApplicationScoped
public class IssueService {
    private static final int SAMPLES = 3;

    private final IssueRepository issues;
    private final StoredComplaintRepository complaints;
    private final GroupingState state;
    private final ProductAreas areas;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final WebhookNotifier webhook;
    private final FeedbackConfig config;
    private final Clock clock;

    public IssueService(
            IssueRepository issues,
            StoredComplaintRepository complaints,
            GroupingState state,
            ProductAreas areas,
            Outbox outbox,
            AfterCommit afterCommit,
            WebhookNotifier webhook,
            FeedbackConfig config,
            Clock clock) {
        this.issues = issues;
        this.complaints = complaints;
        this.state = state;
        this.areas = areas;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.webhook = webhook;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A stored complaint joined group {@code groupId}: it joins the group's open issue (linking its case), or the
     * group passes the threshold and becomes an issue. A dismissed issue absorbs later complaints silently; after a
     * resolved one, only complaints received since the fix count towards a new issue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complaintGrouped(StoredComplaint complaint) {
        Optional<Issue> latest = issues.latestOfGroup(complaint.groupId);
        if (latest.isPresent() && latest.get().status != IssueStatus.RESOLVED) {
            join(latest.get(), complaint);
            return;
        }
        Instant since = complaint.receivedAt.minus(config.issue().window());
        if (latest.isPresent() && latest.get().resolvedAt.isAfter(since)) {
            since = latest.get().resolvedAt;
        }
        if (complaints.countInGroupSince(complaint.groupId, since)
                >= config.issue().minComplaints()) {
            detect(complaint, since);
        }
    }

    /** A complaint's case became known after the complaint was grouped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseKnown(StoredComplaint complaint) {
        if (complaint.issueId == null || complaint.caseId == null) {
            return;
        }
        Issue issue = issues.findById(complaint.issueId);
        if (issue != null && !issue.status.closed() && issues.link(issue.id, complaint.caseId)) {
            publish(
                    EventType.FEEDBACK_ISSUE_CASES_LINKED,
                    issue.id.toString(),
                    new IssueCasesLinked(issue.id, List.of(complaint.caseId), issue.complaintCount, now()));
        }
    }

    private void join(Issue issue, StoredComplaint complaint) {
        complaint.issueId = issue.id;
        issue.complaintCount++;
        if (complaint.receivedAt.isAfter(issue.lastComplaintAt)) {
            issue.lastComplaintAt = complaint.receivedAt;
        }
        issue.updatedAt = now();
        if (issue.status != IssueStatus.DISMISSED
                && complaint.caseId != null
                && issues.link(issue.id, complaint.caseId)) {
            publish(
                    EventType.FEEDBACK_ISSUE_CASES_LINKED,
                    issue.id.toString(),
                    new IssueCasesLinked(issue.id, List.of(complaint.caseId), issue.complaintCount, now()));
        }
    }

    private void detect(StoredComplaint trigger, Instant since) {
        List<StoredComplaint> members = complaints.inGroupSince(trigger.groupId, since);
        Optional<GroupSnapshot> group = state.grouper().group(trigger.groupId);
        List<String> terms =
                group.map(GroupSnapshot::terms).filter(t -> !t.isEmpty()).orElse(List.of());
        String label =
                group.map(GroupSnapshot::label).filter(l -> !l.isBlank()).orElseGet(() -> abbreviate(trigger.text, 80));
        Set<String> topics = new LinkedHashSet<>();
        members.forEach(m -> topics.addAll(m.topicList()));
        ProductAreas.Match area = areas.match(topics, terms);

        Instant now = now();
        Issue issue = new Issue();
        issue.id = UUID.randomUUID();
        issue.groupId = trigger.groupId;
        issue.productArea = area.area();
        issue.owner = area.owner();
        issue.label = abbreviate(label, 300);
        issue.terms = abbreviate(String.join(",", terms), 1000);
        issue.status = IssueStatus.DETECTED;
        issue.complaintCount = members.size();
        issue.firstSeenAt = members.getFirst().receivedAt;
        issue.detectedAt = now;
        issue.lastComplaintAt = members.getLast().receivedAt;
        issue.updatedAt = now;
        issues.persist(issue);

        Set<UUID> caseIds = new LinkedHashSet<>();
        for (StoredComplaint member : members) {
            member.issueId = issue.id;
            if (member.caseId != null && issues.link(issue.id, member.caseId)) {
                caseIds.add(member.caseId);
            }
        }
        List<UUID> sampleIds = group.map(GroupSnapshot::sampleMessageIds).orElse(List.of());
        publish(
                EventType.FEEDBACK_ISSUE_DETECTED,
                issue.id.toString(),
                new IssueDetected(
                        issue.id,
                        issue.productArea,
                        issue.owner,
                        issue.label,
                        terms,
                        issue.complaintCount,
                        List.copyOf(caseIds),
                        samples(sampleIds, members, true),
                        issue.firstSeenAt,
                        now));
        UUID groupId = issue.groupId;
        afterCommit.run(() -> state.grouper().pin(groupId, true));
    }

    /**
     * The representative messages of the group, topped up with the newest members. An event's samples must name
     * their case (the contract requires it), so for events only complaints whose case is known qualify.
     */
    public List<FeedbackSample> samples(
            Collection<UUID> representativeIds, List<StoredComplaint> members, boolean withCaseOnly) {
        List<StoredComplaint> chosen = new ArrayList<>(complaints.byIds(representativeIds));
        if (withCaseOnly) {
            chosen.removeIf(c -> c.caseId == null);
        }
        for (int i = members.size() - 1; i >= 0 && chosen.size() < SAMPLES; i--) {
            StoredComplaint m = members.get(i);
            if ((!withCaseOnly || m.caseId != null)
                    && chosen.stream().noneMatch(c -> c.messageId.equals(m.messageId))) {
                chosen.add(m);
            }
        }
        return chosen.stream().limit(SAMPLES).map(IssueService::sample).toList();
    }

    static FeedbackSample sample(StoredComplaint c) {
        return new FeedbackSample(c.messageId, c.caseId, Channel.valueOf(c.channel), c.text);
    }

    // --- the product owner's actions --------------------------------------------------------------------------

    @Transactional
    public Issue changeStatus(UUID id, Set<String> ownAreas, String by, IssueStatus status, String note) {
        if (status == IssueStatus.RESOLVED) {
            throw ProblemException.badRequest(
                    "Resolve an issue with POST /api/v1/issues/{id}/resolve and a message" + " for the customers.");
        }
        Issue issue = owned(id, ownAreas);
        if (!issue.status.next().contains(status)) {
            throw ProblemException.conflict(
                    "The issue is " + issue.status.wire() + "; it cannot become " + status.wire() + ".");
        }
        IssueStatus previous = issue.status;
        issue.status = status;
        issue.updatedAt = now();
        publish(
                EventType.FEEDBACK_ISSUE_STATUS_CHANGED,
                issue.id.toString(),
                new IssueStatusChanged(
                        issue.id,
                        issue.productArea,
                        previous.wire(),
                        status.wire(),
                        by,
                        note == null ? "" : note,
                        issue.updatedAt));
        if (status.closed()) {
            UUID groupId = issue.groupId;
            afterCommit.run(() -> state.grouper().pin(groupId, false));
        }
        return issue;
    }

    @Transactional
    public Issue resolve(UUID id, Set<String> ownAreas, String by, String customerMessage) {
        Issue issue = owned(id, ownAreas);
        if (issue.status.closed()) {
            throw ProblemException.conflict("The issue is " + issue.status.wire() + " already.");
        }
        Instant now = now();
        issue.status = IssueStatus.RESOLVED;
        issue.resolvedAt = now;
        issue.resolvedBy = by;
        issue.customerMessage = customerMessage;
        issue.updatedAt = now;
        publish(
                EventType.FEEDBACK_ISSUE_RESOLVED,
                issue.id.toString(),
                new IssueResolved(
                        issue.id, issue.productArea, issue.label, customerMessage, issues.caseIds(issue.id), by, now));
        UUID groupId = issue.groupId;
        afterCommit.run(() -> state.grouper().pin(groupId, false));
        return issue;
    }

    /** The issue, if it exists (404) and belongs to one of the caller's areas (403). */
    public Issue owned(UUID id, Set<String> ownAreas) {
        Issue issue = issues.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no issue " + id + "."));
        if (!ownAreas.contains(issue.productArea)) {
            throw ProblemException.forbidden(
                    "The issue belongs to product area " + issue.productArea + ", which is not one of yours.");
        }
        return issue;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The event goes out through the outbox and, if one is configured, to the webhook: both in this transaction. */
    private void publish(EventType type, String key, Record payload) {
        outbox.publish(type, key, payload);
        webhook.notify(type, payload);
    }
}

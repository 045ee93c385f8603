package io.webcare.cases.replies;

import io.micrometer.core.instrument.MeterRegistry;
import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.cases.cases.CaseConfig;
import io.webcare.cases.cases.CaseMessage;
import io.webcare.cases.cases.CaseMessageRepository;
import io.webcare.cases.cases.CaseService;
import io.webcare.cases.cases.CaseStatus;
import io.webcare.cases.cases.SupportCase;
import io.webcare.cases.replycheck.Draft;
import io.webcare.cases.replycheck.Finding;
import io.webcare.cases.replycheck.ReplyCheck;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseAssigned;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseReplyFailed;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.kafka.UnreadableEventException;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Replies: checked against the webcare rules, stored, and handed to ingest-service on webcare.replies.outbound in the
 * same transaction; the delivery report marks them delivered (the first one is the first response) or failed.
 */
@ApplicationScoped
public class ReplyService {
    private static final Logger LOG = Logger.getLogger(ReplyService.class);

    private final CaseService cases;
    private final CaseMessageRepository messages;
    private final ReplyRepository replies;
    private final ReplyCheck check;
    private final ReplyCheckConfig checkConfig;
    private final CaseConfig caseConfig;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReplyService(
            CaseService cases,
            CaseMessageRepository messages,
            ReplyRepository replies,
            ReplyCheck check,
            ReplyCheckConfig checkConfig,
            CaseConfig caseConfig,
            AuditTrail audit,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters) {
        this.cases = cases;
        this.messages = messages;
        this.replies = replies;
        this.check = check;
        this.checkConfig = checkConfig;
        this.caseConfig = caseConfig;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** Checks a draft without sending it: what the agent would be told. */
    @Transactional
    public List<Finding> lint(Caller caller, String text, Channel channel, Visibility visibility) {
        return check.check(new Draft(text, channel, visibility, recentOf(caller.name())));
    }

    /**
     * An agent's reply to the customer of a case, on the channel and in the thread of their latest message. Blocking
     * findings refuse it (nothing stored); warnings are stored with it. An unassigned new case is claimed by the
     * replying agent.
     */
    @Transactional
    public Reply reply(Caller caller, UUID caseId, String text, Visibility requestedVisibility) {
        SupportCase c = cases.load(caseId);
        caller.requireWork(c.team);
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("This case is closed; a new message from the customer opens a new case.");
        }
        CaseMessage last = messages.latestOf(caseId)
                .orElseThrow(() -> ProblemException.conflict("This case has no customer message to answer."));
        Channel channel = Channel.fromWireName(last.channel == null ? c.channel : last.channel);
        Visibility visibility = requestedVisibility != null ? requestedVisibility : visibilityOf(last);
        List<Finding> findings = check.check(new Draft(text, channel, visibility, recentOf(caller.name())));
        findings.forEach(f -> meters.counter(
                        "webcare.reply.check.findings",
                        "rule",
                        f.rule(),
                        "severity",
                        f.severity().name().toLowerCase(Locale.ROOT),
                        "team",
                        c.team)
                .increment());
        if (findings.stream().anyMatch(Finding::blocking)) {
            throw new ReplyRefusedException(findings);
        }
        Instant now = Instant.now(clock);
        if (c.status == CaseStatus.NEW && c.assignee == null) {
            c.assignee = caller.name();
            c.status = CaseStatus.ASSIGNED;
            audit.record(AuditTrail.CASE, caseId, "claimed", caller.name(), "by replying");
            outbox.publish(
                    EventType.CASE_ASSIGNED,
                    caseId.toString(),
                    new CaseAssigned(caseId, c.team, caller.name(), caller.name(), now));
        }
        Reply reply = request(c, last, Reply.AGENT, caller.name(), text, channel, visibility, findings, null, now);
        audit.record(
                AuditTrail.CASE,
                caseId,
                "reply-requested",
                caller.name(),
                visibility.name().toLowerCase(Locale.ROOT) + " reply on " + channel.wireName()
                        + (findings.isEmpty() ? "" : " with " + findings.size() + " warning(s)"));
        return reply;
    }

    /**
     * A fixed feedback issue: the product owner's message goes to the customer of every linked case, on their own
     * channel, public or private as the case was, once per issue and case. Past the platform's reply window the
     * approved template is sent instead of free text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followUp(IssueResolved resolved) {
        if (resolved.caseIds() == null
                || resolved.customerMessage() == null
                || resolved.customerMessage().isBlank()) {
            return;
        }
        Instant now = Instant.now(clock);
        for (UUID caseId : resolved.caseIds()) {
            if (replies.followUpSent(resolved.issueId(), caseId)) {
                continue;
            }
            var found = cases.find(caseId);
            if (found.isEmpty()) {
                LOG.warnf("Issue %s names case %s, which case-service does not know", resolved.issueId(), caseId);
                continue;
            }
            SupportCase c = found.get();
            var last = messages.latestOf(caseId);
            if (last.isEmpty()) {
                continue;
            }
            Channel channel = Channel.fromWireName(last.get().channel == null ? c.channel : last.get().channel);
            Visibility visibility = visibilityOf(last.get());
            List<Finding> warnings = check.check(new Draft(resolved.customerMessage(), channel, visibility, List.of()));
            String by = resolved.resolvedBy() == null ? "feedback" : resolved.resolvedBy();
            request(
                    c,
                    last.get(),
                    Reply.FOLLOW_UP,
                    by,
                    resolved.customerMessage(),
                    channel,
                    visibility,
                    warnings,
                    resolved.issueId(),
                    now);
            audit.record(
                    AuditTrail.CASE,
                    caseId,
                    "follow-up-requested",
                    by,
                    "issue " + resolved.issueId() + " (" + resolved.label() + ") resolved");
        }
    }

    /**
     * The satisfaction question after a resolution, on the channel, thread and visibility of the customer's latest
     * message, as a reply of its own (delivered and reported like any reply). Not sent when the platform's reply
     * window has closed (no approved template asks for a rating) or the case has no customer message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reply> askSatisfaction(SupportCase c, String question, String by) {
        Optional<CaseMessage> last = messages.latestOf(c.caseId);
        Instant now = Instant.now(clock);
        if (last.isEmpty()
                || (last.get().replyWindowClosesAt != null && !now.isBefore(last.get().replyWindowClosesAt))) {
            audit.record(
                    AuditTrail.CASE,
                    c.caseId,
                    "survey-not-sent",
                    by,
                    last.isEmpty() ? "no customer message to answer" : "the reply window has closed");
            return Optional.empty();
        }
        Channel channel = Channel.fromWireName(last.get().channel == null ? c.channel : last.get().channel);
        Visibility visibility = visibilityOf(last.get());
        List<Finding> warnings = check.check(new Draft(question, channel, visibility, List.of()));
        Reply reply = request(c, last.get(), Reply.SURVEY, by, question, channel, visibility, warnings, null, now);
        audit.record(AuditTrail.CASE, c.caseId, "survey-requested", by, question);
        return Optional.of(reply);
    }

    private Reply request(
            SupportCase c,
            CaseMessage last,
            String kind,
            String agent,
            String text,
            Channel channel,
            Visibility visibility,
            List<Finding> warnings,
            UUID issueId,
            Instant now) {
        var reply = new Reply();
        reply.replyId = UUID.randomUUID();
        reply.caseId = c.caseId;
        reply.kind = kind;
        reply.agent = agent;
        reply.text = text;
        reply.channel = channel.wireName();
        reply.visibility = visibility.name().toLowerCase(Locale.ROOT);
        reply.status = Reply.REQUESTED;
        reply.warnings = FindingsJson.write(warnings);
        reply.issueId = issueId;
        reply.requestedAt = now;
        replies.persist(reply);
        boolean windowClosed = last.replyWindowClosesAt != null && !now.isBefore(last.replyWindowClosesAt);
        String template = windowClosed && Reply.FOLLOW_UP.equals(kind) ? caseConfig.followUpTemplate() : null;
        outbox.publish(
                EventType.REPLY_REQUESTED,
                c.conversationKey,
                new ReplyRequested(
                        reply.replyId,
                        c.caseId,
                        c.conversationKey,
                        channel,
                        last.accountId,
                        last.threadRef,
                        last.externalId,
                        visibility,
                        last.authorId,
                        text,
                        template,
                        last.replyWindowClosesAt,
                        agent,
                        now));
        return reply;
    }

    /** The platform accepted the reply: it is delivered, and the case was replied to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(ReplyDelivered delivered) {
        Reply reply = known(delivered.replyId());
        if (Reply.DELIVERED.equals(reply.status)) {
            return;
        }
        SupportCase c = cases.load(reply.caseId);
        reply.firstResponse = Reply.AGENT.equals(reply.kind) && !replies.anyDelivered(reply.caseId);
        reply.status = Reply.DELIVERED;
        reply.deliveredAt = delivered.deliveredAt();
        reply.platformMessageId = delivered.platformMessageId();
        reply.failureReason = null;
        reply.failureDetail = null;
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                "reply-delivered",
                reply.agent,
                delivered.platformMessageId() + (reply.firstResponse ? " (first response)" : ""));
        outbox.publish(
                EventType.CASE_REPLIED,
                c.caseId.toString(),
                new CaseReplied(
                        c.caseId,
                        reply.replyId,
                        c.team,
                        reply.agent,
                        Channel.fromWireName(reply.channel),
                        Visibility.valueOf(reply.visibility.toUpperCase(Locale.ROOT)),
                        reply.firstResponse,
                        reply.requestedAt,
                        delivered.deliveredAt()));
    }

    /** The reply could not be delivered: the agent sees why on the case; no clock stops. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(ReplyFailed failed) {
        Reply reply = known(failed.replyId());
        if (!Reply.REQUESTED.equals(reply.status)) {
            return;
        }
        SupportCase c = cases.load(reply.caseId);
        reply.status = Reply.FAILED;
        reply.failureReason = failed.reason();
        reply.failureDetail = failed.detail();
        reply.failedAt = failed.failedAt();
        audit.record(AuditTrail.CASE, c.caseId, "reply-failed", reply.agent, failed.reason() + ": " + failed.detail());
        outbox.publish(
                EventType.CASE_REPLY_FAILED,
                c.caseId.toString(),
                new CaseReplyFailed(
                        c.caseId,
                        reply.replyId,
                        c.team,
                        reply.agent,
                        Channel.fromWireName(reply.channel),
                        failed.reason(),
                        failed.failedAt()));
    }

    private Reply known(UUID replyId) {
        return replies.findByIdOptional(replyId)
                .orElseThrow(
                        () -> new UnreadableEventException("no reply " + replyId + " was requested by case-service"));
    }

    private List<String> recentOf(String agent) {
        return replies.recentTexts(agent, checkConfig.empathyRecentReplies());
    }

    private static Visibility visibilityOf(CaseMessage message) {
        return "private".equals(message.visibility) ? Visibility.PRIVATE : Visibility.PUBLIC;
    }
}

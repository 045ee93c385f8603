package io.webcare.cases.cases;

import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.cases.customers.CustomerService;
import io.webcare.cases.customers.Identities;
import io.webcare.cases.notifications.NotificationService;
import io.webcare.cases.satisfaction.ScoreReader;
import io.webcare.cases.satisfaction.Survey;
import io.webcare.cases.satisfaction.SurveyRepository;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseAssigned;
import io.webcare.contract.events.CaseClosed;
import io.webcare.contract.events.CaseEscalated;
import io.webcare.contract.events.CaseMerged;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The case lifecycle: new, assigned, waiting on the customer, resolved, closed, and back. Every change is written
 * with the event that announces it on webcare.cases (the outbox) and an audit entry, in one transaction; a change
 * based on an outdated version of the case is refused (409), never silently applied.
 */
@ApplicationScoped
public class CaseService {
    private static final Logger LOG = Logger.getLogger(CaseService.class);
    /** The sources of case.satisfaction-recorded (its schema's enum). */
    static final String SOURCE_CONTACT_CENTRE = "contact-centre";

    static final String SOURCE_CUSTOMER_REPLY = "customer-reply";

    private final CaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseNoteRepository notes;
    private final CustomerService customers;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final CaseConfig config;
    private final SurveyRepository surveys;
    private final NotificationService notifications;
    private final Clock clock;

    public CaseService(
            CaseRepository cases,
            CaseMessageRepository messages,
            CaseNoteRepository notes,
            CustomerService customers,
            AuditTrail audit,
            Outbox outbox,
            CaseConfig config,
            SurveyRepository surveys,
            NotificationService notifications,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.notes = notes;
        this.customers = customers;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.surveys = surveys;
        this.notifications = notifications;
        this.clock = clock;
    }

    // --- Customer messages -------------------------------------------------------------------------------------

    /**
     * A routed message joins the open case of its conversation; or reopens its resolved case within the reopen
     * period; or opens a new case, linked to an earlier one when the customer is back about the same topic soon after
     * a resolution (a boomerang, routed back to the team that had it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(MessageRouted routed) {
        InboundMessage message = routed.message();
        if (messages.findByIdOptional(message.messageId()).isPresent()) {
            return;
        }
        Instant now = Instant.now(clock);
        String identityKind = message.channel().wireName();
        String identityValue = identityValueOf(message);
        UUID customerId = identityValue == null
                ? null
                : customers.profileOf(
                        identityKind, identityValue, message.author().name());

        Optional<SupportCase> open = cases.findOpenByConversation(message.conversationKey());
        if (open.isPresent()) {
            SupportCase existing = open.get();
            if (existing.status == CaseStatus.WAITING) {
                existing.status = existing.assignee == null ? CaseStatus.NEW : CaseStatus.ASSIGNED;
                audit.record(AuditTrail.CASE, existing.caseId, "customer-answered", "customer", null);
            }
            add(existing, routed, identityKind, identityValue, now);
            return;
        }
        Optional<SupportCase> resolved = cases.latestResolvedInConversation(message.conversationKey());
        if (resolved.isPresent()) {
            SupportCase earlier = resolved.get();
            if (withinReopenPeriod(earlier, now)) {
                if (answeredSurvey(earlier, routed, customerId, identityKind, identityValue, now)) {
                    return;
                }
                reopen(earlier, "customer-message", null, true, now);
                add(earlier, routed, identityKind, identityValue, now);
                return;
            }
            close(earlier, "reopen-period-ended", now);
        }
        open(routed, customerId, identityKind, identityValue, now);
    }

    /**
     * The customer of a resolved case answering its satisfaction question with nothing but a score: the score is
     * recorded and the case stays resolved. The message is kept on the case for the contact history, without
     * case.message-added (which would start a next-response clock on a resolved case). Anything more than a score,
     * or someone else writing in the thread, is a new message and reopens the case as before.
     */
    private boolean answeredSurvey(
            SupportCase c,
            MessageRouted routed,
            UUID customerId,
            String identityKind,
            String identityValue,
            Instant now) {
        Optional<Survey> asked = surveys.askedSince(c.caseId, c.resolvedAt);
        InboundMessage message = routed.message();
        if (asked.isEmpty() || !fromCustomerOf(c, message, customerId)) {
            return false;
        }
        Survey survey = asked.get();
        OptionalInt score = ScoreReader.read(message.text(), survey.scale);
        if (score.isEmpty()) {
            return false;
        }
        store(c.caseId, routed, identityKind, identityValue);
        if (survey.answered()) {
            audit.record(
                    AuditTrail.CASE,
                    c.caseId,
                    "satisfaction-repeated",
                    "customer",
                    survey.scale + " " + score.getAsInt() + " not recorded: the question was answered already");
            return true;
        }
        survey.answeredMessageId = message.messageId();
        survey.answeredAt = now;
        record(c, survey.scale, score.getAsInt(), SOURCE_CUSTOMER_REPLY, "customer", message.messageId(), now);
        return true;
    }

    private static boolean fromCustomerOf(SupportCase c, InboundMessage message, UUID customerId) {
        if (c.customerId != null && customerId != null) {
            return c.customerId.equals(customerId);
        }
        return message.author() != null
                && Objects.equals(c.customerHandle, message.author().handle());
    }

    private void add(SupportCase c, MessageRouted routed, String identityKind, String identityValue, Instant now) {
        InboundMessage message = routed.message();
        store(c.caseId, routed, identityKind, identityValue);
        outbox.publish(
                EventType.CASE_MESSAGE_ADDED,
                c.caseId.toString(),
                new CaseMessageAdded(c.caseId, message.messageId(), c.team, message.receivedAt(), now));
    }

    private void open(MessageRouted routed, UUID customerId, String identityKind, String identityValue, Instant now) {
        InboundMessage message = routed.message();
        List<String> topics = routed.analysis().topics() == null
                ? List.of()
                : routed.analysis().topics();
        Optional<SupportCase> boomerang = customerId == null ? Optional.empty() : boomerangOf(customerId, topics, now);
        var opened = new SupportCase();
        opened.caseId = UUID.randomUUID();
        opened.conversationKey = message.conversationKey();
        opened.team = boomerang.map(b -> b.team).orElse(routed.decision().team());
        opened.priority = routed.decision().priority();
        opened.status = CaseStatus.NEW;
        opened.channel = message.channel().wireName();
        opened.customerHandle = message.author().handle();
        opened.intent = routed.analysis().intent().name().toLowerCase();
        opened.language = routed.analysis().language();
        opened.topics = String.join(",", topics);
        opened.slaApplies = routed.decision().slaApplies();
        opened.firstMessageAt = message.sentAt();
        opened.openedAt = now;
        opened.customerId = customerId;
        // routing-service may have recognised the boomerang already (same channel and handle): it then routed the
        // message back and raised its priority, which is not done twice here.
        boolean routingSawIt =
                routed.decision().flags() != null && routed.decision().flags().contains("boomerang");
        opened.flagged = routingSawIt;
        boomerang.ifPresent(earlier -> {
            opened.boomerangOf = earlier.caseId;
            opened.flagged = true;
            if (!routingSawIt) {
                opened.priority = Math.max(1, opened.priority - 1);
            }
            if (!earlier.team.equals(routed.decision().team())) {
                LOG.infof(
                        "Boomerang case %s goes back to team %s (routing chose %s)",
                        opened.caseId, earlier.team, routed.decision().team());
            }
        });
        cases.persist(opened);
        store(opened.caseId, routed, identityKind, identityValue);
        audit.record(
                AuditTrail.CASE,
                opened.caseId,
                "opened",
                "customer",
                "routed to " + routed.decision().team() + " by rule "
                        + routed.decision().rule()
                        + boomerang
                                .map(b -> "; boomerang of case " + b.caseId + ", back to team " + b.team)
                                .orElse(""));
        outbox.publish(
                EventType.CASE_OPENED,
                opened.caseId.toString(),
                new CaseOpened(
                        opened.caseId,
                        opened.conversationKey,
                        opened.team,
                        opened.priority,
                        message.channel(),
                        opened.customerHandle,
                        message.messageId(),
                        routed.analysis().intent(),
                        topics,
                        opened.slaApplies,
                        opened.firstMessageAt,
                        opened.openedAt,
                        customerId,
                        opened.boomerangOf));
    }

    /** The latest case of this customer (any linked identity) resolved within the window about a shared topic. */
    private Optional<SupportCase> boomerangOf(UUID customerId, List<String> topics, Instant now) {
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        Set<String> wanted = new HashSet<>(topics);
        return cases
                .resolvedSince(customerId, customers.identityKeys(customerId), now.minus(config.boomerangWindow()))
                .stream()
                .filter(c -> c.topicList().stream().anyMatch(wanted::contains))
                .findFirst();
    }

    private static String identityValueOf(InboundMessage message) {
        if (message.author() == null) {
            return null;
        }
        String id = message.author().id();
        if (id != null && !id.isBlank()) {
            return id;
        }
        String handle = message.author().handle();
        return handle == null || handle.isBlank() ? null : handle;
    }

    private void store(UUID caseId, MessageRouted routed, String identityKind, String identityValue) {
        InboundMessage message = routed.message();
        var stored = new CaseMessage();
        stored.messageId = message.messageId();
        stored.caseId = caseId;
        stored.authorHandle = message.author().handle();
        stored.text = message.text();
        stored.sentAt = message.sentAt();
        stored.receivedAt = message.receivedAt();
        stored.channel = message.channel().wireName();
        stored.accountId = message.accountId();
        stored.externalId = message.externalId();
        stored.threadRef = message.threadRef();
        stored.visibility = message.visibility() == null
                ? null
                : message.visibility().name().toLowerCase();
        stored.authorId = message.author().id();
        stored.replyWindowClosesAt = message.replyWindowClosesAt();
        stored.language = routed.analysis().language();
        if (routed.analysis().sentiment() != null) {
            stored.sentiment = routed.analysis().sentiment().score();
            stored.sentimentLabel = routed.analysis().sentiment().label();
        }
        stored.identityKind = identityValue == null ? null : identityKind;
        stored.identityValue = identityValue == null ? null : Identities.normalise(identityKind, identityValue);
        messages.persist(stored);
    }

    // --- Agents' commands ----------------------------------------------------------------------------------------

    @Transactional
    public SupportCase claim(Caller caller, UUID caseId, Integer seenVersion) {
        SupportCase c = forWork(caller, caseId, seenVersion);
        requireOpen(c, "claim");
        if (c.assignee != null && !c.assignee.equals(caller.name())) {
            throw ProblemException.conflict(
                    "This case is already assigned to " + c.assignee + "; a team lead can reassign it.");
        }
        assign(c, caller.name(), caller.name());
        return saved(c);
    }

    @Transactional
    public SupportCase assign(Caller caller, UUID caseId, Integer seenVersion, String assignee) {
        SupportCase c = load(caseId);
        caller.requireTeamLead(c.team);
        expectVersion(c, seenVersion);
        requireOpen(c, "assign");
        assign(c, assignee, caller.name());
        return saved(c);
    }

    private void assign(SupportCase c, String assignee, String by) {
        String before = c.assignee;
        c.assignee = assignee;
        if (c.status == CaseStatus.NEW) {
            c.status = CaseStatus.ASSIGNED;
        }
        Instant now = Instant.now(clock);
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                by.equals(assignee) ? "claimed" : "assigned",
                by,
                (before == null ? "" : "from " + before + " ") + "to " + assignee);
        outbox.publish(
                EventType.CASE_ASSIGNED, c.caseId.toString(), new CaseAssigned(c.caseId, c.team, assignee, by, now));
    }

    @Transactional
    public SupportCase transfer(
            Caller caller, UUID caseId, Integer seenVersion, String toTeam, String reason, boolean switchSlaPolicy) {
        SupportCase c = load(caseId);
        caller.requireTeamLead(c.team);
        expectVersion(c, seenVersion);
        requireOpen(c, "transfer");
        if (c.team.equals(toTeam)) {
            throw ProblemException.conflict("The case is already with team " + toTeam + ".");
        }
        String fromTeam = c.team;
        c.team = toTeam;
        c.assignee = null;
        if (c.status == CaseStatus.ASSIGNED) {
            c.status = CaseStatus.NEW;
        }
        Instant now = Instant.now(clock);
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                "transferred",
                caller.name(),
                "from " + fromTeam + " to " + toTeam + ": " + reason
                        + (switchSlaPolicy
                                ? " (the receiving team's SLA policy applies from now)"
                                : " (SLA clocks carry over)"));
        outbox.publish(
                EventType.CASE_TRANSFERRED,
                c.caseId.toString(),
                new CaseTransferred(c.caseId, fromTeam, toTeam, caller.name(), reason, switchSlaPolicy, now));
        return saved(c);
    }

    @Transactional
    public SupportCase waiting(Caller caller, UUID caseId, Integer seenVersion) {
        SupportCase c = forWork(caller, caseId, seenVersion);
        if (c.status != CaseStatus.NEW && c.status != CaseStatus.ASSIGNED) {
            throw ProblemException.conflict(
                    "Only a new or assigned case can wait on the customer; this one is " + c.status.dbValue() + ".");
        }
        c.status = CaseStatus.WAITING;
        Instant now = Instant.now(clock);
        audit.record(AuditTrail.CASE, c.caseId, "waiting", caller.name(), null);
        outbox.publish(
                EventType.CASE_WAITING, c.caseId.toString(), new CaseWaiting(c.caseId, c.team, caller.name(), now));
        return saved(c);
    }

    @Transactional
    public SupportCase resolve(Caller caller, UUID caseId, Integer seenVersion, String resolutionCode) {
        if (!config.resolutionCodes().contains(resolutionCode)) {
            throw ProblemException.badRequest("Unknown resolution code '" + resolutionCode + "'; choose one of "
                    + config.resolutionCodes() + ".");
        }
        SupportCase c = forWork(caller, caseId, seenVersion);
        requireOpen(c, "resolve");
        Instant now = Instant.now(clock);
        c.status = CaseStatus.RESOLVED;
        c.resolutionCode = resolutionCode;
        c.firstTimeFix = c.reopenCount == 0 && c.boomerangOf == null;
        c.resolvedAt = now;
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                "resolved",
                caller.name(),
                resolutionCode + (c.firstTimeFix ? ", first-time fix" : ", not a first-time fix"));
        outbox.publish(
                EventType.CASE_RESOLVED,
                c.caseId.toString(),
                new CaseResolved(c.caseId, c.team, caller.name(), resolutionCode, c.firstTimeFix, now));
        return saved(c);
    }

    @Transactional
    public SupportCase reopen(Caller caller, UUID caseId, Integer seenVersion) {
        SupportCase c = forWork(caller, caseId, seenVersion);
        Instant now = Instant.now(clock);
        if (c.status != CaseStatus.RESOLVED) {
            throw ProblemException.conflict("Only a resolved case can be reopened; this one is "
                    + c.status.dbValue()
                    + (c.status == CaseStatus.CLOSED ? " (a new message from the customer opens a new case)" : "")
                    + ".");
        }
        if (!withinReopenPeriod(c, now)) {
            throw ProblemException.conflict("The reopen period of " + config.reopenPeriod()
                    + " after resolution has ended; the case is closing. A new message opens a new case.");
        }
        if (cases.findOpenByConversation(c.conversationKey).isPresent()) {
            throw ProblemException.conflict("Another case of this conversation is open; merge into that one instead.");
        }
        reopen(c, "agent", caller.name(), false, now);
        return saved(c);
    }

    private void reopen(SupportCase c, String reason, String by, boolean boomerang, Instant now) {
        c.status = c.assignee == null ? CaseStatus.NEW : CaseStatus.ASSIGNED;
        c.reopenCount++;
        c.resolvedAt = null;
        c.resolutionCode = null;
        c.firstTimeFix = null;
        if (boomerang) {
            c.flagged = true;
        }
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                "reopened",
                by == null ? "customer" : by,
                reason + (boomerang ? " (boomerang)" : ""));
        outbox.publish(
                EventType.CASE_REOPENED,
                c.caseId.toString(),
                new CaseReopened(c.caseId, c.team, c.priority, reason, by, boomerang, now));
    }

    /** Merges a duplicate into another case of the same team: its messages and notes move, and it is closed. */
    @Transactional
    public SupportCase merge(Caller caller, UUID duplicateId, Integer seenVersion, UUID intoCaseId) {
        if (duplicateId.equals(intoCaseId)) {
            throw ProblemException.badRequest("A case cannot be merged into itself.");
        }
        SupportCase duplicate = forWork(caller, duplicateId, seenVersion);
        SupportCase into = cases.findByIdOptional(intoCaseId)
                .orElseThrow(() -> ProblemException.notFound("No case " + intoCaseId + " to merge into."));
        caller.requireTeam(into.team);
        if (duplicate.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("This case is closed already and cannot be merged.");
        }
        if (into.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("Case " + intoCaseId + " is closed; merge into an open or resolved case.");
        }
        Instant now = Instant.now(clock);
        messages.moveToCase(duplicateId, intoCaseId);
        notes.moveToCase(duplicateId, intoCaseId);
        duplicate.mergedInto = intoCaseId;
        duplicate.status = CaseStatus.CLOSED;
        duplicate.closedAt = now;
        into.tags.addAll(duplicate.tags);
        audit.record(AuditTrail.CASE, duplicateId, "merged", caller.name(), "into case " + intoCaseId);
        audit.record(AuditTrail.CASE, intoCaseId, "merged-in", caller.name(), "case " + duplicateId);
        outbox.publish(
                EventType.CASE_MERGED,
                duplicateId.toString(),
                new CaseMerged(duplicateId, intoCaseId, duplicate.team, caller.name(), now));
        outbox.publish(
                EventType.CASE_CLOSED,
                duplicateId.toString(),
                new CaseClosed(duplicateId, duplicate.team, "merged", now));
        return saved(duplicate);
    }

    @Transactional
    public SupportCase tag(Caller caller, UUID caseId, Integer seenVersion, Set<String> tags) {
        SupportCase c = forWork(caller, caseId, seenVersion);
        Set<String> before = new TreeSet<>(c.tags);
        c.tags.clear();
        c.tags.addAll(tags);
        audit.record(AuditTrail.CASE, caseId, "tagged", caller.name(), before + " -> " + new TreeSet<>(tags));
        return saved(c);
    }

    @Transactional
    public CaseNote note(Caller caller, UUID caseId, String text) {
        SupportCase c = load(caseId);
        caller.requireWork(c.team);
        var note = new CaseNote();
        note.noteId = UUID.randomUUID();
        note.caseId = caseId;
        note.author = caller.name();
        note.text = text;
        note.createdAt = Instant.now(clock);
        notes.persist(note);
        audit.record(AuditTrail.CASE, caseId, "note", caller.name(), null);
        return note;
    }

    /** CSAT (1-5) or NPS (0-10) after resolution, from the contact centre or read from the customer's reply. */
    @Transactional
    public Satisfaction satisfaction(Caller caller, UUID caseId, String scale, int score) {
        SupportCase c = load(caseId);
        if (!caller.is(Caller.INTEGRATION)) {
            caller.requireWork(c.team);
        }
        int max = "nps".equals(scale) ? 10 : 5;
        int min = "nps".equals(scale) ? 0 : 1;
        if (score < min || score > max) {
            throw ProblemException.badRequest(
                    "A " + scale + " score is between " + min + " and " + max + "; got " + score + ".");
        }
        if (c.status != CaseStatus.RESOLVED && c.status != CaseStatus.CLOSED) {
            throw ProblemException.conflict(
                    "Satisfaction is recorded after resolution; this case is " + c.status.dbValue() + ".");
        }
        // An agent typing in what the customer answered them is still the customer's reply.
        String source = caller.is(Caller.INTEGRATION) ? SOURCE_CONTACT_CENTRE : SOURCE_CUSTOMER_REPLY;
        return record(c, scale, score, source, caller.name(), null, Instant.now(clock));
    }

    private Satisfaction record(
            SupportCase c, String scale, int score, String source, String by, UUID messageId, Instant now) {
        var recorded = new Satisfaction();
        recorded.satisfactionId = UUID.randomUUID();
        recorded.caseId = c.caseId;
        recorded.scale = scale;
        recorded.score = score;
        recorded.source = source;
        recorded.recordedBy = by;
        recorded.messageId = messageId;
        recorded.recordedAt = now;
        cases.getEntityManager().persist(recorded);
        audit.record(
                AuditTrail.CASE,
                c.caseId,
                "satisfaction",
                by,
                scale + " " + score + (messageId == null ? "" : " from the customer's reply " + messageId));
        outbox.publish(
                EventType.CASE_SATISFACTION_RECORDED,
                c.caseId.toString(),
                new CaseSatisfactionRecorded(c.caseId, c.team, scale, score, source, now));
        return recorded;
    }

    // --- Signals from other services ----------------------------------------------------------------------------

    /**
     * An SLA warning or breach: the case rises in priority, is flagged, the escalation is announced and the team's
     * team leads find it in their inbox, all in one transaction. The same signal again (a re-sent warning or breach
     * of the same clock, step and level) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalateBySla(NotificationService.Signal signal, int level, String reason) {
        UUID caseId = signal.caseId();
        Optional<SupportCase> found = cases.findByIdOptional(caseId);
        if (found.isEmpty() || !found.get().isOpen()) {
            LOG.debugf("SLA escalation for case %s ignored: unknown or no longer open", caseId);
            return;
        }
        if (notifications.notifiedBefore(signal)) {
            LOG.debugf("SLA escalation for case %s ignored: %s escalated it before", caseId, signal);
            return;
        }
        SupportCase c = found.get();
        c.priority = Math.max(1, c.priority - 1);
        c.flagged = true;
        c.escalationLevel = Math.max(c.escalationLevel, level);
        Instant now = Instant.now(this.clock);
        audit.record(AuditTrail.CASE, caseId, "escalated", "sla", "level " + level + ": " + reason);
        outbox.publish(
                EventType.CASE_ESCALATED,
                caseId.toString(),
                new CaseEscalated(caseId, c.team, c.priority, level, reason, "sla", now));
        notifications.notifyTeamLeads(signal, c.team, c.priority, reason);
    }

    /** Closes resolved cases whose reopen period has ended; returns how many. */
    @Transactional
    public int closeExpired() {
        Instant now = Instant.now(clock);
        List<SupportCase> expired = cases.resolvedBefore(now.minus(config.reopenPeriod()), config.closeBatchSize());
        expired.forEach(c -> close(c, "reopen-period-ended", now));
        return expired.size();
    }

    int closeBatchSize() {
        return config.closeBatchSize();
    }

    private void close(SupportCase c, String reason, Instant now) {
        c.status = CaseStatus.CLOSED;
        c.closedAt = now;
        audit.record(AuditTrail.CASE, c.caseId, "closed", "webcare", reason);
        outbox.publish(EventType.CASE_CLOSED, c.caseId.toString(), new CaseClosed(c.caseId, c.team, reason, now));
        cases.flush();
    }

    // --- Helpers -------------------------------------------------------------------------------------------------

    public Optional<SupportCase> find(UUID caseId) {
        return cases.findByIdOptional(caseId);
    }

    public SupportCase load(UUID caseId) {
        return cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
    }

    private SupportCase forWork(Caller caller, UUID caseId, Integer seenVersion) {
        SupportCase c = load(caseId);
        caller.requireWork(c.team);
        expectVersion(c, seenVersion);
        return c;
    }

    private boolean withinReopenPeriod(SupportCase c, Instant now) {
        return c.resolvedAt != null && now.isBefore(c.resolvedAt.plus(config.reopenPeriod()));
    }

    private static void requireOpen(SupportCase c, String what) {
        if (!c.isOpen()) {
            throw ProblemException.conflict(
                    "Cannot " + what + " a " + c.status.dbValue() + " case; reopen it first if it is resolved.");
        }
    }

    /** The version the client saw must be the current one: a change made on outdated information is refused. */
    static void expectVersion(SupportCase c, Integer seenVersion) {
        if (seenVersion == null) {
            throw new ProblemException(
                    Response.Status.PRECONDITION_REQUIRED,
                    "Send the case version you last saw in If-Match (the ETag of GET /api/v1/cases/" + c.caseId
                            + "), so that a change made at the same time is not overwritten.");
        }
        if (seenVersion != c.version) {
            throw ProblemException.conflict("Case " + c.caseId + " changed since you read it: you saw version "
                    + seenVersion + ", it is now version " + c.version + " (" + c.status.dbValue()
                    + (c.assignee == null ? "" : ", assigned to " + c.assignee)
                    + "). Reload it and apply your change again.");
        }
    }

    /** Flushes now, so that a concurrent change surfaces as a 409 here and the returned version is the new one. */
    private SupportCase saved(SupportCase c) {
        cases.flush();
        return c;
    }
}

package io.webcare.cases.cases;

import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.cases.replies.ReplyRepository;
import io.webcare.cases.replies.ReplyView;
import io.webcare.cases.sla.SlaDue;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What agents, team leads, analysts and the contact centre read about cases. */
@ApplicationScoped
public class CaseQueries {
    static final List<CaseStatus> OPEN = List.of(CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.WAITING);

    private final CaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseNoteRepository notes;
    private final ReplyRepository replies;
    private final AuditTrail audit;

    public CaseQueries(
            CaseRepository cases,
            CaseMessageRepository messages,
            CaseNoteRepository notes,
            ReplyRepository replies,
            AuditTrail audit) {
        this.cases = cases;
        this.messages = messages;
        this.notes = notes;
        this.replies = replies;
        this.audit = audit;
    }

    /**
     * A queue: agents and team leads see their own team's; analysts and the contact centre any team's (all teams
     * when none is named). Without a status filter, the open cases.
     */
    @Transactional
    public CasePage queue(
            Caller caller,
            String team,
            List<CaseStatus> statuses,
            String channel,
            Integer priority,
            String language,
            String tag,
            int page,
            int size) {
        String scope = team;
        if (caller.worksInTeam() && !caller.is(Caller.ANALYST) && !caller.is(Caller.INTEGRATION)) {
            if (team != null && !team.equals(caller.team())) {
                throw ProblemException.forbidden("You may only see your own team's queue (" + caller.team() + ").");
            }
            scope = caller.team();
        }
        var filter = new CaseRepository.QueueFilter(
                scope, statuses == null || statuses.isEmpty() ? OPEN : statuses, channel, priority, language, tag);
        var result = cases.queue(filter, page, size);
        return new CasePage(
                result.rows().stream()
                        .map(r -> CaseView.summary(r.supportCase(), r.slaDueAt()))
                        .toList(),
                page,
                size,
                result.total());
    }

    /** The case a message belongs to, if the caller may see it. */
    @Transactional
    public List<CaseView> byMessage(Caller caller, UUID messageId) {
        return messages.findByIdOptional(messageId)
                .flatMap(m -> cases.findByIdOptional(m.caseId))
                .filter(c -> mayRead(caller, c))
                .map(c -> List.of(CaseView.summary(c, dueOf(c.caseId))))
                .orElse(List.of());
    }

    @Transactional
    public CaseView get(Caller caller, UUID caseId) {
        SupportCase found =
                cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
        caller.requireRead(found.team);
        return detail(found);
    }

    @Transactional
    public CaseView detail(SupportCase c) {
        return CaseView.of(
                c,
                dueOf(c.caseId),
                messages.ofCase(c.caseId),
                notes.ofCase(c.caseId),
                replies.ofCase(c.caseId).stream().map(ReplyView::of).toList(),
                cases.getEntityManager()
                        .createQuery(
                                "select s from Satisfaction s where s.caseId = :id order by s.recordedAt",
                                Satisfaction.class)
                        .setParameter("id", c.caseId)
                        .getResultList());
    }

    @Transactional
    public List<AuditTrail.Entry> audit(Caller caller, UUID caseId) {
        SupportCase found =
                cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
        caller.requireRead(found.team);
        return audit.of(AuditTrail.CASE, caseId).stream()
                .map(AuditTrail.Entry::of)
                .toList();
    }

    private Instant dueOf(UUID caseId) {
        SlaDue due = cases.getEntityManager().find(SlaDue.class, caseId);
        return due == null ? null : due.dueAt;
    }

    private static boolean mayRead(Caller caller, SupportCase c) {
        return caller.is(Caller.ANALYST) || caller.is(Caller.INTEGRATION) || c.team.equals(caller.team());
    }
}

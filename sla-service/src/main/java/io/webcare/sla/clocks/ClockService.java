package io.webcare.sla.clocks;

import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Starts the clocks of a case and tells who may read them. */
@ApplicationScoped
public class ClockService {
    /** The default policy is version 1 until policies can be edited (the SLA issue). */
    static final int DEFAULT_POLICY_VERSION = 1;

    private final CaseClockRepository clocks;
    private final Outbox outbox;
    private final SlaPolicyConfig policy;

    public ClockService(CaseClockRepository clocks, Outbox outbox, SlaPolicyConfig policy) {
        this.clocks = clocks;
        this.outbox = outbox;
        this.policy = policy;
    }

    /**
     * First response runs from the customer's first message, resolution from the opening of the case. A watched case
     * (a rant without a question) gets no clocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseOpened(CaseOpened opened) {
        if (!opened.slaApplies()) {
            return;
        }
        start(opened, SlaClock.FIRST_RESPONSE, opened.firstMessageAt(), policy.firstResponse());
        start(opened, SlaClock.RESOLUTION, opened.openedAt(), policy.resolution());
    }

    private void start(CaseOpened opened, SlaClock kind, Instant startedAt, Duration target) {
        var id = new ClockId(opened.caseId(), kind);
        if (clocks.findByIdOptional(id).isPresent()) {
            return;
        }
        var clock = new CaseClock();
        clock.id = id;
        clock.team = opened.team();
        clock.priority = opened.priority();
        clock.policyVersion = DEFAULT_POLICY_VERSION;
        clock.status = ClockStatus.RUNNING;
        clock.startedAt = startedAt;
        clock.warnAt = startedAt.plusMillis(Math.round(target.toMillis() * policy.warningAt()));
        clock.dueAt = startedAt.plus(target);
        clocks.persist(clock);
        outbox.publish(
                EventType.SLA_CLOCK_STARTED,
                opened.caseId().toString(),
                new SlaClockStarted(
                        opened.caseId(),
                        kind,
                        clock.team,
                        clock.priority,
                        clock.policyVersion,
                        clock.startedAt,
                        clock.warnAt,
                        clock.dueAt));
    }

    /** The clocks of a case, if {@code mayRead} allows the case's team; 404 when the case has none. */
    @Transactional
    public List<ClockView> ofCase(UUID caseId, Predicate<String> mayReadTeam) {
        List<CaseClock> found = clocks.ofCase(caseId);
        if (found.isEmpty()) {
            throw ProblemException.notFound("No clocks for case " + caseId + ".");
        }
        if (!mayReadTeam.test(found.getFirst().team)) {
            throw ProblemException.forbidden("This case belongs to another team.");
        }
        return found.stream().map(ClockView::of).toList();
    }
}

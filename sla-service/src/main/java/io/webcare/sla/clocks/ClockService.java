package io.webcare.sla.clocks;

import io.micrometer.core.instrument.MeterRegistry;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockPaused;
import io.webcare.contract.events.SlaClockResumed;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.SlaClockStopped;
import io.webcare.contract.events.SlaWarning;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import io.webcare.sla.calendars.BusinessCalendar;
import io.webcare.sla.policies.ActivePolicy;
import io.webcare.sla.policies.PolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The clocks of the cases: started, paused, resumed, stopped and restarted by case events, and advanced by the
 * scheduler when a threshold falls due. Every change of a clock and the event announcing it share one transaction
 * (the outbox), so an announcement is made exactly when the row records it was made.
 */
@ApplicationScoped
public class ClockService {
    private final CaseClockRepository clocks;
    private final Outbox outbox;
    private final PolicyService policies;
    private final ClockRecords records;
    private final MeterRegistry metrics;

    public ClockService(
            CaseClockRepository clocks,
            Outbox outbox,
            PolicyService policies,
            ClockRecords records,
            MeterRegistry metrics) {
        this.clocks = clocks;
        this.outbox = outbox;
        this.policies = policies;
        this.records = records;
        this.metrics = metrics;
    }

    /**
     * First response runs from the customer's first message, resolution from the opening of the case, both under the
     * team's current policy version. A watched case (a rant without a question) gets no clocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseOpened(CaseOpened opened) {
        records.caseOpened(opened);
        if (!opened.slaApplies()) {
            return;
        }
        ActivePolicy policy = policies.current(opened.team());
        Clocks of = new Clocks(opened.caseId());
        if (of.get(SlaClock.FIRST_RESPONSE).isEmpty()) {
            CaseClock fr = newClock(opened.caseId(), SlaClock.FIRST_RESPONSE, opened, policy);
            startTarget(fr, policy, opened.firstMessageAt(), target(SlaClock.FIRST_RESPONSE, fr, policy), 1);
        }
        if (of.get(SlaClock.RESOLUTION).isEmpty()) {
            CaseClock res = newClock(opened.caseId(), SlaClock.RESOLUTION, opened, policy);
            startTarget(res, policy, opened.openedAt(), target(SlaClock.RESOLUTION, res, policy), 1);
        }
        messageOfCase(opened.caseId(), opened.firstMessageId(), opened.firstMessageAt());
    }

    /**
     * A further customer message: a paused resolution clock counts again; with a next-response target in the policy
     * and an earlier answer, a next-response target starts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void messageAdded(CaseMessageAdded added) {
        Clocks of = new Clocks(added.caseId());
        Optional<CaseClock> resolution = of.get(SlaClock.RESOLUTION);
        if (resolution.isEmpty()) {
            return; // a watched case
        }
        resolution
                .filter(c -> !c.isStopped() && c.pausedAt != null && !c.isRunning())
                .ifPresent(c -> resume(c, laterOf(added.receivedAt(), c.pausedAt)));
        Optional<CaseClock> firstResponse = of.get(SlaClock.FIRST_RESPONSE);
        if (firstResponse.isPresent() && firstResponse.get().isStopped()) {
            CaseClock fr = firstResponse.get();
            ActivePolicy policy = policies.version(fr.policyTeam, fr.policyVersion);
            Duration next = Stage.targetOf(SlaClock.NEXT_RESPONSE, policy, fr.priority, fr.channel);
            Optional<CaseClock> nr = of.get(SlaClock.NEXT_RESPONSE);
            if (next != null && (nr.isEmpty() || nr.get().isStopped())) {
                CaseClock clock = nr.orElseGet(() -> copyOf(fr, SlaClock.NEXT_RESPONSE));
                startTarget(clock, policy, added.receivedAt(), next, nr.isEmpty() ? 1 : clock.targetNo + 1);
            }
        }
        messageOfCase(added.caseId(), added.messageId(), added.receivedAt());
    }

    /** A delivered agent reply stops first response (the first one), next response and the reply window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replied(CaseReplied replied) {
        Clocks of = new Clocks(replied.caseId());
        for (SlaClock kind : List.of(SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE, SlaClock.REPLY_WINDOW)) {
            of.get(kind).filter(c -> !c.isStopped()).ifPresent(c -> stop(c, replied.deliveredAt()));
        }
    }

    /** Waiting on the customer pauses resolution. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waiting(CaseWaiting waiting) {
        new Clocks(waiting.caseId())
                .get(SlaClock.RESOLUTION)
                .filter(c -> c.isRunning())
                .ifPresent(c -> pause(c, waiting.waitingSince(), "waiting-on-customer"));
    }

    /** Resolved (or closed, or merged away): every clock of the case that still counts stops. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(UUID caseId, Instant at) {
        for (CaseClock c : clocks.ofCaseForUpdate(caseId)) {
            if (!c.isStopped()) {
                stop(c, at);
            }
        }
    }

    /** A reopen starts a new resolution target, under the policy version the case started with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(CaseReopened reopened) {
        records.reopened(reopened.caseId());
        new Clocks(reopened.caseId()).get(SlaClock.RESOLUTION).ifPresent(c -> {
            if (!c.isStopped()) {
                stop(c, reopened.reopenedAt());
            }
            c.priority = reopened.priority();
            ActivePolicy policy = policies.version(c.policyTeam, c.policyVersion);
            startTarget(c, policy, reopened.reopenedAt(), target(SlaClock.RESOLUTION, c, policy), c.targetNo + 1);
        });
    }

    /**
     * The case moved to another team: its clocks follow it (the new team reads them). With {@code switchSlaPolicy} the
     * counting goes on under the receiving team's current policy: the time counted so far stays, the targets and
     * thresholds are the new policy's, and an audit entry records the switch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferred(CaseTransferred transfer) {
        records.transferred(transfer.caseId(), transfer.toTeam());
        List<CaseClock> all = clocks.ofCaseForUpdate(transfer.caseId());
        if (all.isEmpty()) {
            return;
        }
        ActivePolicy next = transfer.switchSlaPolicy() ? policies.current(transfer.toTeam()) : null;
        for (CaseClock c : all) {
            c.team = transfer.toTeam();
            if (next == null || c.isStopped()) {
                continue;
            }
            ActivePolicy previous = policies.version(c.policyTeam, c.policyVersion);
            if (c.isRunning()) {
                c.countedMillis += elapsed(c, previous, c.runningSince, transfer.transferredAt());
                c.runningSince = laterOf(c.runningSince, transfer.transferredAt());
            }
            long oldTarget = c.targetMillis;
            Duration newTarget = c.id.clock() == SlaClock.REPLY_WINDOW ? null : target(c.id.clock(), c, next);
            if (newTarget != null) {
                c.targetMillis = newTarget.toMillis();
            }
            c.policyTeam = next.team();
            c.policyVersion = next.version();
            schedule(c, next);
            records.audit(
                    c,
                    "policy-switched",
                    "transferred from " + transfer.fromTeam() + " to " + transfer.toTeam() + " (" + transfer.reason()
                            + "): policy " + previous.team() + " v" + previous.version() + " -> " + next.team() + " v"
                            + next.version() + ", target " + Duration.ofMillis(oldTarget) + " -> "
                            + Duration.ofMillis(c.targetMillis) + ", " + Duration.ofMillis(c.countedMillis)
                            + " counted",
                    transfer.transferredBy(),
                    transfer.transferredAt());
        }
    }

    /**
     * The reply window of a message of a case is known (from the routed message); it runs from the message to the
     * moment the platform stops accepting free-form replies. A later message's window replaces an earlier one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replyWindow(UUID caseId, Instant messageAt, Instant closesAt) {
        Clocks of = new Clocks(caseId);
        Optional<CaseClock> resolution = of.get(SlaClock.RESOLUTION);
        if (resolution.isEmpty() || resolution.get().isStopped() || !closesAt.isAfter(messageAt)) {
            return;
        }
        Optional<CaseClock> window = of.get(SlaClock.REPLY_WINDOW);
        if (window.isPresent() && !closesAt.isAfter(window.get().dueAt)) {
            return; // an older message, or the same one again
        }
        CaseClock clock = window.orElseGet(() -> copyOf(resolution.get(), SlaClock.REPLY_WINDOW));
        ActivePolicy policy = policies.version(clock.policyTeam, clock.policyVersion);
        startTarget(
                clock,
                policy,
                messageAt,
                Duration.between(messageAt, closesAt),
                window.isEmpty() ? 1 : clock.targetNo + 1);
    }

    /**
     * Announces every threshold of {@code clock} that is due at {@code now}, in order, and records each as announced.
     * Called by the scheduler on a row it holds locked; the events are added to {@code announcements}, which the
     * scheduler stores through the outbox in the same transaction (one statement for its whole batch).
     *
     * @return how many events were added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fireDue(CaseClock clock, Instant now, List<Outbox.Typed> announcements) {
        ActivePolicy policy = policies.version(clock.policyTeam, clock.policyVersion);
        List<Stage> stages = Stage.of(clock, policy);
        int fired = 0;
        while (clock.nextDueAt != null && !clock.nextDueAt.isAfter(now)) {
            Stage stage = nextStage(clock, stages).orElseThrow();
            Instant at = clock.nextDueAt;
            String key = clock.id.caseId().toString();
            if (stage.isWarning()) {
                announcements.add(new Outbox.Typed(
                        EventType.SLA_WARNING,
                        key,
                        new SlaWarning(
                                clock.id.caseId(),
                                clock.id.clock(),
                                clock.team,
                                clock.priority,
                                clock.policyVersion,
                                stage.percent(),
                                at,
                                clock.dueAt,
                                now)));
                metrics.counter("webcare.sla.warnings", "team", clock.team).increment();
            } else {
                announcements.add(new Outbox.Typed(
                        EventType.SLA_BREACHED,
                        key,
                        new SlaBreached(
                                clock.id.caseId(),
                                clock.id.clock(),
                                clock.team,
                                clock.priority,
                                clock.policyVersion,
                                stage.level(),
                                at,
                                clock.dueAt,
                                now)));
                clock.escalationLevel = stage.level();
                clock.status = ClockStatus.OVERDUE;
                metrics.counter("webcare.sla.breaches", "team", clock.team, "level", Integer.toString(stage.level()))
                        .increment();
            }
            clock.announcedPercent = stage.percent();
            clock.nextDueAt = nextStage(clock, stages)
                    .map(s -> instantOf(clock, policy, s))
                    .orElse(null);
            fired++;
        }
        return fired;
    }

    /** The clocks of a case, if {@code mayReadTeam} allows the case's team; 404 when the case has none. */
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

    // --- the mechanics of one clock ----------------------------------------------------------------------------

    private CaseClock newClock(UUID caseId, SlaClock kind, CaseOpened opened, ActivePolicy policy) {
        var clock = new CaseClock();
        clock.id = new ClockId(caseId, kind);
        clock.team = opened.team();
        clock.priority = opened.priority();
        clock.channel = opened.channel();
        clock.policyTeam = policy.team();
        clock.policyVersion = policy.version();
        return clock;
    }

    private static CaseClock copyOf(CaseClock from, SlaClock kind) {
        var clock = new CaseClock();
        clock.id = new ClockId(from.id.caseId(), kind);
        clock.team = from.team;
        clock.priority = from.priority;
        clock.channel = from.channel;
        clock.policyTeam = from.policyTeam;
        clock.policyVersion = from.policyVersion;
        return clock;
    }

    private void startTarget(CaseClock clock, ActivePolicy policy, Instant at, Duration target, int targetNo) {
        clock.targetNo = targetNo;
        clock.status = ClockStatus.RUNNING;
        clock.startedAt = at;
        clock.targetMillis = target.toMillis();
        clock.countedMillis = 0;
        clock.runningSince = at;
        clock.pausedAt = null;
        clock.stoppedAt = null;
        clock.announcedPercent = 0;
        clock.escalationLevel = 0;
        schedule(clock, policy);
        if (!clocks.isPersistent(clock)) {
            clocks.persist(clock);
        }
        outbox.publish(
                EventType.SLA_CLOCK_STARTED,
                clock.id.caseId().toString(),
                new SlaClockStarted(
                        clock.id.caseId(),
                        clock.id.clock(),
                        clock.team,
                        clock.priority,
                        clock.policyVersion,
                        clock.startedAt,
                        clock.warnAt,
                        clock.dueAt));
    }

    private void pause(CaseClock clock, Instant at, String reason) {
        ActivePolicy policy = policies.version(clock.policyTeam, clock.policyVersion);
        clock.countedMillis += elapsed(clock, policy, clock.runningSince, at);
        clock.runningSince = null;
        clock.pausedAt = at;
        clock.nextDueAt = null;
        clock.status = ClockStatus.PAUSED;
        outbox.publish(
                EventType.SLA_CLOCK_PAUSED,
                clock.id.caseId().toString(),
                new SlaClockPaused(clock.id.caseId(), clock.id.clock(), reason, at));
    }

    private void resume(CaseClock clock, Instant at) {
        ActivePolicy policy = policies.version(clock.policyTeam, clock.policyVersion);
        clock.runningSince = at;
        clock.pausedAt = null;
        clock.status = clock.escalationLevel > 0 ? ClockStatus.OVERDUE : ClockStatus.RUNNING;
        schedule(clock, policy);
        outbox.publish(
                EventType.SLA_CLOCK_RESUMED,
                clock.id.caseId().toString(),
                new SlaClockResumed(clock.id.caseId(), clock.id.clock(), at, clock.warnAt, clock.dueAt));
    }

    private void stop(CaseClock clock, Instant at) {
        ActivePolicy policy = policies.version(clock.policyTeam, clock.policyVersion);
        if (clock.isRunning()) {
            clock.countedMillis += elapsed(clock, policy, clock.runningSince, at);
        }
        clock.runningSince = null;
        clock.pausedAt = null;
        clock.stoppedAt = at;
        clock.nextDueAt = null;
        boolean met = clock.countedMillis <= clock.targetMillis;
        clock.status = met ? ClockStatus.MET : ClockStatus.BREACHED;
        records.targetFinished(clock, met);
        outbox.publish(
                EventType.SLA_CLOCK_STOPPED,
                clock.id.caseId().toString(),
                new SlaClockStopped(
                        clock.id.caseId(),
                        clock.id.clock(),
                        clock.team,
                        clock.priority,
                        clock.policyVersion,
                        clock.startedAt,
                        at,
                        clock.dueAt,
                        clock.countedMillis / 1000,
                        met));
    }

    /** Recomputes warnAt, dueAt and nextDueAt of a running clock from what it has counted. */
    private void schedule(CaseClock clock, ActivePolicy policy) {
        List<Stage> stages = Stage.of(clock, policy);
        if (!clock.isRunning()) {
            clock.nextDueAt = null;
            return;
        }
        clock.warnAt = stages.stream()
                .filter(Stage::isWarning)
                .findFirst()
                .map(s -> instantOf(clock, policy, s))
                .orElse(null);
        clock.dueAt = instantAtCounted(clock, policy, clock.targetMillis);
        clock.nextDueAt =
                nextStage(clock, stages).map(s -> instantOf(clock, policy, s)).orElse(null);
    }

    private static Optional<Stage> nextStage(CaseClock clock, List<Stage> stages) {
        return stages.stream().filter(s -> s.percent() > clock.announcedPercent).findFirst();
    }

    private static Instant instantOf(CaseClock clock, ActivePolicy policy, Stage stage) {
        return instantAtCounted(clock, policy, stage.thresholdMillis());
    }

    /** When a running clock will have counted {@code millis}. */
    private static Instant instantAtCounted(CaseClock clock, ActivePolicy policy, long millis) {
        long remaining = Math.max(0, millis - clock.countedMillis);
        return calendarOf(clock, policy).plusBusinessTime(clock.runningSince, Duration.ofMillis(remaining));
    }

    private static long elapsed(CaseClock clock, ActivePolicy policy, Instant from, Instant to) {
        return calendarOf(clock, policy).businessTimeBetween(from, to).toMillis();
    }

    /** The reply window is the platform's, in real time; the other clocks count the team calendar's open time. */
    private static BusinessCalendar calendarOf(CaseClock clock, ActivePolicy policy) {
        return clock.id.clock() == SlaClock.REPLY_WINDOW ? BusinessCalendar.twentyFourSeven() : policy.calendar();
    }

    private static Duration target(SlaClock kind, CaseClock clock, ActivePolicy policy) {
        return Stage.targetOf(kind, policy, clock.priority, clock.channel);
    }

    private void messageOfCase(UUID caseId, UUID messageId, Instant at) {
        records.messageOfCase(caseId, messageId).ifPresent(closesAt -> replyWindow(caseId, at, closesAt));
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The clocks of one case, loaded once. */
    private final class Clocks {
        private final List<CaseClock> all;

        Clocks(UUID caseId) {
            this.all = clocks.ofCaseForUpdate(caseId);
        }

        Optional<CaseClock> get(SlaClock kind) {
            return all.stream().filter(c -> c.id.clock() == kind).findFirst();
        }
    }
}

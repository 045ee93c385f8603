package io.webcare.cases.sla;

import io.smallrye.common.annotation.Blocking;
import io.webcare.cases.cases.CaseService;
import io.webcare.cases.notifications.NotificationService;
import io.webcare.cases.notifications.TeamLeadNotification;
import io.webcare.contract.EventType;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockPaused;
import io.webcare.contract.events.SlaClockResumed;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.SlaClockStopped;
import io.webcare.contract.events.SlaWarning;
import io.webcare.contract.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * webcare.sla: clock events keep the queue's due times; warnings and breaches escalate the case. Each event once.
 */
@ApplicationScoped
public class SlaEventHandler {
    private static final Set<EventType> SLA = EnumSet.of(
            EventType.SLA_CLOCK_STARTED,
            EventType.SLA_CLOCK_RESUMED,
            EventType.SLA_CLOCK_PAUSED,
            EventType.SLA_CLOCK_STOPPED,
            EventType.SLA_WARNING,
            EventType.SLA_BREACHED);

    private final Inbox inbox;
    private final SlaDueTimes dueTimes;
    private final CaseService cases;

    public SlaEventHandler(Inbox inbox, SlaDueTimes dueTimes, CaseService cases) {
        this.inbox = inbox;
        this.dueTimes = dueTimes;
        this.cases = cases;
    }

    @Incoming("sla-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.once("case-sla", record, SLA, event -> {
            switch (event.payload()) {
                case SlaClockStarted s -> dueTimes.running(s.caseId(), s.clock(), s.dueAt());
                case SlaClockResumed r -> dueTimes.running(r.caseId(), r.clock(), r.dueAt());
                case SlaClockPaused p -> dueTimes.stopped(p.caseId(), p.clock());
                case SlaClockStopped s -> dueTimes.stopped(s.caseId(), s.clock());
                case SlaWarning w ->
                    cases.escalateBySla(
                            new NotificationService.Signal(
                                    w.caseId(),
                                    name(w.clock()),
                                    TeamLeadNotification.SLA_WARNING,
                                    1,
                                    w.thresholdPercent()),
                            1,
                            "sla-warning: " + name(w.clock()) + " at " + w.thresholdPercent() + "% of its target, due "
                                    + w.dueAt());
                case SlaBreached b -> {
                    int level = Math.max(1, b.escalationLevel());
                    cases.escalateBySla(
                            new NotificationService.Signal(
                                    b.caseId(), name(b.clock()), TeamLeadNotification.SLA_BREACH, level, 0),
                            level,
                            "sla-breach: " + name(b.clock()) + " due " + b.dueAt() + " (escalation level "
                                    + b.escalationLevel() + ")");
                }
                default -> {}
            }
        });
    }

    private static String name(SlaClock clock) {
        return clock.name().toLowerCase().replace('_', '-');
    }

    /** Keeps {@link SlaClockState} and {@link SlaDue} in step. */
    @ApplicationScoped
    public static class SlaDueTimes {
        private final jakarta.persistence.EntityManager em;

        public SlaDueTimes(jakarta.persistence.EntityManager em) {
            this.em = em;
        }

        void running(UUID caseId, SlaClock clock, Instant dueAt) {
            SlaClockState state = state(caseId, clock);
            state.dueAt = dueAt;
            state.running = true;
            recompute(caseId);
        }

        void stopped(UUID caseId, SlaClock clock) {
            SlaClockState state = state(caseId, clock);
            state.running = false;
            recompute(caseId);
        }

        private SlaClockState state(UUID caseId, SlaClock clock) {
            String name = name(clock);
            SlaClockState state = em.find(SlaClockState.class, new SlaClockState.Key(caseId, name));
            if (state == null) {
                state = new SlaClockState();
                state.caseId = caseId;
                state.clock = name;
                em.persist(state);
            }
            return state;
        }

        private void recompute(UUID caseId) {
            em.flush();
            Instant earliest = em.createQuery(
                            "select min(s.dueAt) from SlaClockState s where s.caseId = :id and s.running = true"
                                    + " and s.clock <> 'reply-window'",
                            Instant.class)
                    .setParameter("id", caseId)
                    .getSingleResult();
            SlaDue due = em.find(SlaDue.class, caseId);
            if (due == null) {
                due = new SlaDue();
                due.caseId = caseId;
                em.persist(due);
            }
            due.dueAt = earliest;
        }
    }
}

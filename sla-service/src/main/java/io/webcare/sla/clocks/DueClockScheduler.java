package io.webcare.sla.clocks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.webcare.contract.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Announces what falls due. Each round locks a small batch of due clocks ({@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work), publishes their warnings and breaches through the outbox and advances the rows, all in
 * one transaction: a threshold is announced exactly when its row says so, once, also across restarts. After a
 * downtime the first rounds catch up on everything that fell due meanwhile, in due order.
 */
@ApplicationScoped
public class DueClockScheduler {
    private static final Logger LOG = Logger.getLogger(DueClockScheduler.class);

    private final CaseClockRepository clocks;
    private final ClockService service;
    private final ClockRecords records;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration holdAfterFailure;
    private final boolean enabled;
    private final Semaphore wake = new Semaphore(0);
    private final Timer rounds;
    private final Counter held;
    private final Event<ClocksChanged> changed;
    private volatile boolean running;
    private volatile boolean suspended;
    private Thread worker;

    public DueClockScheduler(
            CaseClockRepository clocks,
            ClockService service,
            ClockRecords records,
            Outbox outbox,
            Clock clock,
            MeterRegistry metrics,
            SlaPolicyConfig config,
            Event<ClocksChanged> changed) {
        this.clocks = clocks;
        this.service = service;
        this.records = records;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = config.scheduler().batchSize();
        this.pollInterval = config.scheduler().pollInterval();
        this.holdAfterFailure = config.scheduler().holdAfterFailure();
        this.held = metrics.counter("webcare.sla.scheduler.held");
        this.enabled = config.scheduler().enabled();
        this.rounds = Timer.builder("webcare.sla.scheduler.rounds")
                .description("Scheduler rounds that announced something")
                .register(metrics);
        this.changed = changed;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("sla-due-clocks").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Stops announcing until {@link #resume()} (the benchmark's stand-in for a downtime). */
    public void suspend() {
        suspended = true;
    }

    public void resume() {
        suspended = false;
        wake.release();
    }

    /**
     * One round: announces what is due in up to one batch of clocks, in its own transaction. If the batch fails, its
     * clocks are announced one per transaction, and a clock that fails on its own is held (see {@link #hold}) so that
     * one bad row never stops the announcements of all the others.
     *
     * @return how many clocks were advanced
     */
    public int fireDueBatch() {
        Instant now = Instant.now(clock);
        try {
            return QuarkusTransaction.requiringNew().call(() -> announce(clocks.lockDue(now, batchSize), now));
        } catch (RuntimeException batchFailed) {
            LOG.warnf("SLA scheduler batch failed, announcing its clocks one by one: %s", batchFailed.toString());
            return fireOneByOne(now);
        }
    }

    private int announce(List<CaseClock> due, Instant now) {
        List<Outbox.Typed> announcements = new ArrayList<>();
        for (CaseClock c : due) {
            service.fireDue(c, now, announcements);
            c.heldUntil = null;
            c.heldReason = null;
        }
        outbox.publishAll(announcements);
        return due.size();
    }

    private int fireOneByOne(Instant now) {
        List<ClockId> due = QuarkusTransaction.requiringNew()
                .call(() ->
                        clocks.lockDue(now, batchSize).stream().map(c -> c.id).toList());
        int advanced = 0;
        for (ClockId id : due) {
            try {
                advanced += QuarkusTransaction.requiringNew().call(() -> announce(clocks.lockIfDue(id, now), now));
            } catch (RuntimeException failed) {
                hold(id, now, failed);
            }
        }
        return advanced;
    }

    /**
     * Leaves a clock alone for a while, with the reason on the clock and in its audit trail. Nothing is lost: its
     * thresholds stay due and are announced (with their original due times) once the cause is gone. If the database
     * itself is failing this fails too, and the round is retried with backoff as before.
     */
    private void hold(ClockId id, Instant now, RuntimeException cause) {
        String reason = abbreviate(cause.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            CaseClock c = clocks.findById(id);
            if (c != null) {
                c.heldUntil = now.plus(holdAfterFailure);
                c.heldReason = reason;
                records.audit(
                        c,
                        "held",
                        "Announcing failed, tried again after " + c.heldUntil + ": " + reason,
                        "sla-service",
                        now);
            }
        });
        held.increment();
        LOG.errorf(
                "SLA clock %s of case %s cannot be announced; held until %s: %s",
                id.clock(), id.caseId(), now.plus(holdAfterFailure), reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "…";
    }

    private void loop() {
        long backoffMillis = 100;
        while (running) {
            try {
                int advanced = 0;
                if (!suspended) {
                    long start = System.nanoTime();
                    advanced = fireDueBatch();
                    if (advanced > 0) {
                        rounds.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                        changed.fire(ClocksChanged.INSTANCE);
                    }
                }
                backoffMillis = 100;
                if (advanced < batchSize) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("SLA scheduler round failed, retrying in %d ms: %s", backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }
}

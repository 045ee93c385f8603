package io.webcare.sla.dashboard;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.webcare.sla.clocks.ClocksChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When the dashboards should redraw: after changes to the clocks, at most once per {@code debounce} (a burst of case
 * events becomes one push, sent {@code debounce} after its first event, so it includes the events that followed), and
 * every {@code refresh} regardless, so "due in" counts down and the connection shows it is alive.
 */
@ApplicationScoped
public class DashboardUpdates {
    private final Duration debounce;
    private final Duration refresh;
    private final BroadcastProcessor<Long> ticks = BroadcastProcessor.create();
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private long tick;

    public DashboardUpdates(
            @ConfigProperty(name = "webcare.dashboard.debounce", defaultValue = "PT0.5S") Duration debounce,
            @ConfigProperty(name = "webcare.dashboard.refresh", defaultValue = "PT15S") Duration refresh) {
        this.debounce = debounce;
        this.refresh = refresh;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sla-dashboard-updates").daemon().factory());
        timer.scheduleWithFixedDelay(this::push, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
        ticks.onComplete();
    }

    void changed(@Observes ClocksChanged ignored) {
        if (timer != null && pending.compareAndSet(false, true)) {
            timer.schedule(this::pushChange, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A hot stream of ticks, one per redraw; every subscriber gets the ticks after it subscribed. */
    Multi<Long> ticks() {
        return ticks;
    }

    private void pushChange() {
        // Cleared before the push: a change committed while the snapshots are computed schedules another one.
        pending.set(false);
        push();
    }

    /** Only on the timer thread, so the processor's subscribers never see concurrent items. */
    private void push() {
        ticks.onNext(++tick);
    }
}

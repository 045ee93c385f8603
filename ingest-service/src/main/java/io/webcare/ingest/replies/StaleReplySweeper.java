package io.webcare.ingest.replies;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Looks every {@code webcare.replies.sweep-interval} for replies left "sending" longer than
 * {@code webcare.replies.sending-lease} (the process died between calling the platform and recording the answer)
 * and reports them as failed, outcome unknown (reason {@code unreachable} for now). Safe with several instances: rows
 * are locked with {@code skip locked}, and each is reported by the transaction that moves it out of "sending". A
 * sweep that fails (the database is away) is logged by the scheduler and tried again at the next interval.
 */
@ApplicationScoped
public class StaleReplySweeper {
    private final ReplyDeliveryService deliveries;
    private final RepliesConfig config;
    private final Clock clock;

    public StaleReplySweeper(ReplyDeliveryService deliveries, RepliesConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${webcare.replies.sweep-interval:PT30S}",
            delayed = "${webcare.replies.sweep-interval:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepOnSchedule() {
        sweep();
    }

    /** One sweep: reports every reply "sending" for longer than the lease; returns how many. */
    public int sweep() {
        int total = 0;
        int reported;
        do {
            reported = deliveries.reportStale(Instant.now(clock).minus(config.sendingLease()));
            total += reported;
        } while (reported > 0);
        return total;
    }
}

package io.webcare.ingest.replies;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Looks every {@code webcare.replies.sweep-interval} for replies left "sending" longer than
 * {@code webcare.replies.sending-lease} (the process died between calling the platform and recording the answer)
 * and reports them as failed, outcome unknown (reason {@code unreachable} for now). Safe with several instances: rows are locked with
 * {@code skip locked}, and each is reported by the transaction that moves it out of "sending".
 */
@ApplicationScoped
public class StaleReplySweeper {
    private static final Logger LOG = Logger.getLogger(StaleReplySweeper.class);

    private final ReplyDeliveryService deliveries;
    private final RepliesConfig config;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread worker;

    public StaleReplySweeper(ReplyDeliveryService deliveries, RepliesConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) {
        worker = Thread.ofVirtual().name("stale-reply-sweeper").start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped.countDown();
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

    private void loop() {
        try {
            while (!stopped.await(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    sweep();
                } catch (RuntimeException e) {
                    LOG.warnf("Sweeping stale replies failed, trying again later: %s", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

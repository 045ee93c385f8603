package io.webcare.contract.inbox;

import io.webcare.contract.kafka.UnreadableEventException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Retries a consumer's effect that failed for a reason that may pass (database restarting, a lock timeout), with
 * exponential backoff, before the record is given up to the dead-letter topic. A record that can never be read is
 * not retried.
 */
final class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    TransientRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    void run(String what, Runnable attempt) {
        Duration backoff = firstBackoff;
        for (int attemptNo = 1; ; attemptNo++) {
            try {
                attempt.run();
                return;
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attemptNo >= maxAttempts) {
                    throw e;
                }
                LOG.warnf(
                        "%s failed (attempt %d of %d), retrying in %d ms: %s",
                        what, attemptNo, maxAttempts, backoff.toMillis(), e.toString());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}

package io.webcare.ingest.messages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets delivery keys after {@code webcare.ingest.dedup.retention} (30 days), checking every
 * {@code webcare.ingest.dedup.expiry-interval}: without it the dedup table grows with every message ever received
 * (1.3 GB per 3.7 million here). The retention must be longer than any platform retries a delivery (Meta: up to 36 h)
 * and than the oldest replay expected: a message delivered again after it is published again. Deletes in batches of
 * {@code webcare.ingest.dedup.expiry-batch}, one short transaction each; safe with several instances (each batch
 * deletes what is still there).
 */
@ApplicationScoped
public class DeliveryKeyExpiry {
    private static final Logger LOG = Logger.getLogger(DeliveryKeyExpiry.class);

    private final ReceivedMessageRepository received;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private final int batch;
    private final Counter expired;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public DeliveryKeyExpiry(
            ReceivedMessageRepository received,
            Clock clock,
            MeterRegistry metrics,
            @ConfigProperty(name = "webcare.ingest.dedup.retention", defaultValue = "P30D") Duration retention,
            @ConfigProperty(name = "webcare.ingest.dedup.expiry-interval", defaultValue = "PT10M") Duration interval,
            @ConfigProperty(name = "webcare.ingest.dedup.expiry-batch", defaultValue = "10000") int batch) {
        this.received = received;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
        this.batch = batch;
        this.expired = Counter.builder("webcare.ingest.dedup.expired")
                .description("Delivery keys forgotten after the dedup retention")
                .register(metrics);
    }

    void start(@Observes StartupEvent ignored) {
        Thread.ofVirtual().name("delivery-key-expiry").start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped.countDown();
    }

    /** Forgets every key received before now minus the retention; returns how many. */
    public long expire() {
        Instant cutoff = Instant.now(clock).minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = received.forgetReceivedBefore(cutoff, batch);
            total += deleted;
            expired.increment(deleted);
        } while (deleted == batch && stopped.getCount() > 0);
        return total;
    }

    private void loop() {
        try {
            while (!stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    expire();
                } catch (RuntimeException e) {
                    LOG.warnf("Expiring delivery keys failed, trying again later: %s", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

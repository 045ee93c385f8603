package io.webcare.ingest.messages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final ReceivedMessageRepository received;
    private final Clock clock;
    private final Duration retention;
    private final int batch;
    private final Counter expired;

    public DeliveryKeyExpiry(
            ReceivedMessageRepository received,
            Clock clock,
            MeterRegistry metrics,
            @ConfigProperty(name = "webcare.ingest.dedup.retention", defaultValue = "P30D") Duration retention,
            @ConfigProperty(name = "webcare.ingest.dedup.expiry-batch", defaultValue = "10000") int batch) {
        this.received = received;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
        this.expired = Counter.builder("webcare.ingest.dedup.expired")
                .description("Delivery keys forgotten after the dedup retention")
                .register(metrics);
    }

    @Scheduled(
            every = "${webcare.ingest.dedup.expiry-interval:PT10M}",
            delayed = "${webcare.ingest.dedup.expiry-interval:PT10M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireOnSchedule() {
        expire();
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
        } while (deleted == batch);
        return total;
    }
}

package io.webcare.contract.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.webcare.contract.kafka.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox events to Kafka in position order, and deletes them once the broker has acknowledged them
 * (acks=all, idempotent producer). A crash between send and delete re-sends an event with the same ce_id, which
 * consumers drop as a duplicate: at-least-once on the wire, exactly-once in effect.
 *
 * <p>Rounds overlap: the next batch is read and sent while the broker acknowledges the previous one, and the previous
 * one is deleted after that. Kafka keeps the order of sends per partition, so positions still leave in order. One
 * instance of a service relays at a time (a session lock on the relay's own connection, held while there is work,
 * released when the outbox is empty so that any instance that just committed can take over at once).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long BACKLOG_COUNT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long an idle relay keeps its lock for the next commit; short, so another instance's events wait little. */
    private static final long STAY_RELAY_MILLIS = 50;
    /** How often, at most, a busy relay looks below the positions it sent, for events that committed late. */
    private static final long LATE_EVENT_LOOK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final long idlePollMillis;
    private final Semaphore work = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private long backlogCountedAt = System.nanoTime() - BACKLOG_COUNT_INTERVAL_NANOS;
    /** The highest position sent since this instance became the relay (0: read from the start). */
    private long sentUpTo;

    private long lateEventsLookedAt = System.nanoTime();
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    /** A batch sent and not yet acknowledged. */
    private record InFlight(List<Long> positions, List<Future<RecordMetadata>> acks) {}

    public OutboxRelay(
            AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry metrics,
            @ConfigProperty(name = "webcare.outbox.batch-size", defaultValue = "1000") int batchSize,
            @ConfigProperty(name = "webcare.outbox.idle-poll-ms", defaultValue = "500") long idlePollMillis) {
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.idlePollMillis = idlePollMillis;
        this.published = Counter.builder("webcare.outbox.published")
                .description("Events relayed from the outbox to Kafka")
                .register(metrics);
        this.failures = Counter.builder("webcare.outbox.failures")
                .description("Relay rounds that failed and will be retried")
                .register(metrics);
        Gauge.builder("webcare.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet relayed (counted at most every 5 s while the relay is busy)")
                .register(metrics);
    }

    void start(@Observes StartupEvent ignored) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayLoop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        work.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** Called after a transaction that wrote events commits, so they leave without waiting for the next poll. */
    public void wakeUp() {
        work.release();
    }

    private void relayLoop() {
        long backoffMillis = 100;
        while (running) {
            try {
                relayWhileThereIsWork();
                backoffMillis = 100;
                work.tryAcquire(idlePollMillis, TimeUnit.MILLISECONDS);
                work.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                failures.increment();
                LOG.warnf("Outbox relay round failed, retrying in %d ms: %s", backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    /**
     * Relays until the outbox is empty (or this instance is not the relay). Statements run in autocommit on the
     * relay's own connection: a read needs no transaction, and a delete is safe on its own.
     */
    private void relayWhileThereIsWork() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!OutboxRepository.tryBecomeRelay(connection)) {
                return;
            }
            // Another instance may have relayed since this one last did: start from the beginning.
            sentUpTo = 0;
            try {
                boolean moreWork = true;
                while (moreWork) {
                    relayUntilEmpty(connection);
                    // Under a steady stream of commits, keep the lock and the connection for the next one.
                    moreWork = running && work.tryAcquire(STAY_RELAY_MILLIS, TimeUnit.MILLISECONDS);
                    work.drainPermits();
                }
            } finally {
                OutboxRepository.stopBeingRelay(connection);
            }
        }
    }

    /**
     * Reads on from the last position sent: the rows just deleted stay in the index as dead entries until vacuum, and a
     * read from the start walked through all of them every round (a queue table's classic slowdown, seen here as
     * stalls of seconds under a backlog). Once a second a read starts from the beginning instead, for an event whose
     * lower position became visible after higher ones (positions are taken at insert, seen at commit; so is every
     * read of a relay that just took over). Such an event is of another transaction than the events sent around it,
     * never a later event of the same key (those are written one after the other), so the order per key holds.
     */
    private void relayUntilEmpty(Connection connection) throws SQLException, InterruptedException {
        InFlight previous = null;
        do {
            List<Long> inFlight = previous == null ? List.of() : previous.positions();
            List<OutboxEvent> batch = List.of();
            // On shutdown nothing new is read, but what is on its way is still awaited and deleted.
            if (running) {
                long after = timeToLookForLateEvents() ? 0 : sentUpTo;
                batch = OutboxRepository.oldest(connection, batchSize, after, inFlight);
            }
            InFlight current = batch.isEmpty() ? null : send(batch);
            if (current != null) {
                sentUpTo = Math.max(sentUpTo, batch.getLast().position);
            }
            if (previous != null) {
                awaitAll(previous.acks());
                OutboxRepository.deleteSent(connection, previous.positions());
                published.increment(previous.positions().size());
            }
            updateBacklog(connection, batch.size());
            previous = current;
        } while (previous != null);
    }

    private boolean timeToLookForLateEvents() {
        long now = System.nanoTime();
        if (now - lateEventsLookedAt < LATE_EVENT_LOOK_INTERVAL_NANOS) {
            return false;
        }
        lateEventsLookedAt = now;
        return true;
    }

    private InFlight send(List<OutboxEvent> batch) {
        List<Long> positions = new ArrayList<>(batch.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            var headers = new CloudEvent(event.eventId, event.source, event.type, event.occurredAt).toHeaders();
            acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.key, event.payload, headers)));
            positions.add(event.position);
        }
        return new InFlight(positions, acks);
    }

    private void updateBacklog(Connection connection, int read) throws SQLException {
        if (read < batchSize) {
            backlog.set(read);
        } else if (System.nanoTime() - backlogCountedAt > BACKLOG_COUNT_INTERVAL_NANOS) {
            // Counted above the last position sent, not over the whole table, whose deleted rows await vacuum; and
            // only every few seconds: counting after every full batch cost the relay as much as deleting the batch.
            backlog.set(OutboxRepository.countAfter(connection, sentUpTo));
            backlogCountedAt = System.nanoTime();
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) throws InterruptedException {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
            }
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            // Keep only client settings; the map also holds SmallRye/Quarkus keys the producer would warn about.
            if (k.equals("bootstrap.servers")
                    || k.startsWith("security.")
                    || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }
}

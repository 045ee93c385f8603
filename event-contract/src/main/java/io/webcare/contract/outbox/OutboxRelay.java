package io.webcare.contract.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.webcare.contract.kafka.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final long idlePollMillis;
    private final Semaphore work = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(
            OutboxRepository repository,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry metrics,
            @ConfigProperty(name = "webcare.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "webcare.outbox.idle-poll-ms", defaultValue = "500") long idlePollMillis) {
        this.repository = repository;
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
                .description("Events committed but not yet relayed (as of the last relay round)")
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
                int sent = relayOneBatch();
                backoffMillis = 100;
                if (sent < batchSize) {
                    work.tryAcquire(idlePollMillis, TimeUnit.MILLISECONDS);
                    work.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
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

    /** Relays up to one batch; returns how many events went out. */
    int relayOneBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.tryBecomeRelay()) {
                return 0;
            }
            List<OutboxEvent> batch = repository.oldest(batchSize);
            if (batch.isEmpty()) {
                backlog.set(0);
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                var headers = new CloudEvent(event.eventId, event.source, event.type, event.occurredAt).toHeaders();
                acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.key, event.payload, headers)));
            }
            awaitAll(acks);
            repository.deleteSent(batch.stream().map(e -> e.position).toList());
            published.increment(batch.size());
            backlog.set(batch.size() == batchSize ? repository.backlog() : 0);
            return batch.size();
        });
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

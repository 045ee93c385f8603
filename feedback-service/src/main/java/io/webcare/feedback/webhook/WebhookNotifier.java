package io.webcare.feedback.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.webcare.contract.EventType;
import io.webcare.contract.webhooks.SignedWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tells the configured webhook about issues and incidents. A notification is stored in the transaction of the event
 * it announces (nothing is told about a change that rolled back) and sent afterwards as a JSON POST with headers
 * {@code X-Webcare-Event} (the event type), {@code X-Webcare-Delivery} (its id, for the receiver's deduplication),
 * {@code X-Webcare-Timestamp} and {@code X-Webcare-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">}. A
 * failure (no 2xx) is retried with exponential backoff up to {@code max-attempts}, then given up and logged.
 */
@ApplicationScoped
public class WebhookNotifier {
    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);

    private final WebhookConfig config;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private ScheduledExecutorService sender;
    private HttpClient http;

    public WebhookNotifier(WebhookConfig config, EntityManager em, ObjectMapper json, Clock clock) {
        this.config = config;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a notification in the caller's transaction, if a webhook is configured. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(EventType type, Record payload) {
        if (config.url().isEmpty()) {
            return;
        }
        try {
            Instant now = Instant.now(clock);
            em.createNativeQuery("insert into webhook_delivery (id, event_type, payload, attempts, next_attempt_at,"
                            + " created_at) values (:id, :type, :payload, 0, :now, :now)")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("type", type.ceType())
                    .setParameter("payload", json.writeValueAsString(payload))
                    .setParameter("now", now)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.ceType(), e);
        }
    }

    void start(@Observes StartupEvent event) {
        if (config.url().isEmpty()) {
            return;
        }
        if (config.secret().isEmpty()) {
            LOG.warn("webcare.feedback.webhook.url is set without a secret: notifications are not signed");
        }
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleWithFixedDelay(this::sendDue, 0, config.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    record Due(UUID id, String type, String payload, int attempts) {}

    private void sendDue() {
        try {
            List<Due> due = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select id, event_type, payload, attempts from"
                                + " webhook_delivery where delivered_at is null and failed_at is null and"
                                + " next_attempt_at <= :now order by next_attempt_at limit 50")
                        .setParameter("now", Instant.now(clock))
                        .getResultList();
                return rows.stream()
                        .map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                        .toList();
            });
            due.forEach(this::send);
        } catch (RuntimeException e) {
            LOG.warn("webhook sender could not read its deliveries; it tries again", e);
        }
    }

    private void send(Due delivery) {
        String error;
        try {
            HttpRequest request = SignedWebhook.request(
                    URI.create(config.url().orElseThrow()),
                    config.timeout(),
                    delivery.type(),
                    delivery.id().toString(),
                    Instant.now(clock),
                    delivery.payload(),
                    config.secret());
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("update webhook_delivery set delivered_at = :now,"
                                        + " attempts = attempts + 1 where id = :id")
                                .setParameter("now", Instant.now(clock))
                                .setParameter("id", delivery.id())
                                .executeUpdate());
                return;
            }
            error = "answered " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        failed(delivery, error);
    }

    private void failed(Due delivery, String error) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= config.maxAttempts();
        long backoff = Math.min(
                config.maxBackoff().toMillis(), config.firstBackoff().toMillis() * (1L << Math.min(20, attempts - 1)));
        Instant now = Instant.now(clock);
        String reason = error.length() > 500 ? error.substring(0, 500) : error;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update webhook_delivery set attempts = :a, last_error = :e,"
                                + " next_attempt_at = :next, failed_at = :failed where id = :id")
                        .setParameter("a", attempts)
                        .setParameter("e", reason)
                        .setParameter("next", now.plus(Duration.ofMillis(backoff)))
                        .setParameter("failed", giveUp ? now : null)
                        .setParameter("id", delivery.id())
                        .executeUpdate());
        if (giveUp) {
            LOG.errorf(
                    "webhook gave up on %s %s after %d attempts: %s", delivery.type(), delivery.id(), attempts, reason);
        }
    }
}

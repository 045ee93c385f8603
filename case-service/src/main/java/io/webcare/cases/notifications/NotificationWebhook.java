package io.webcare.cases.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.webcare.contract.webhooks.SignedWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends each team-lead notification to the configured webhook after its transaction committed (the notification row
 * is the outbox): a JSON POST of the notification with {@code X-Webcare-Event: team-lead-notification},
 * {@code X-Webcare-Delivery} (the notification id, for the receiver's deduplication), {@code X-Webcare-Timestamp} and
 * {@code X-Webcare-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">}. No 2xx is retried with exponential
 * backoff up to {@code max-attempts}, then given up and logged. The inbox works whether or not this is configured.
 */
@ApplicationScoped
public class NotificationWebhook {
    private static final Logger LOG = Logger.getLogger(NotificationWebhook.class);
    public static final String EVENT = "team-lead-notification";

    private final WebhookConfig config;
    private final NotificationRepository notifications;
    private final ObjectMapper json;
    private final Clock clock;
    private HttpClient http;

    public NotificationWebhook(
            WebhookConfig config, NotificationRepository notifications, ObjectMapper json, Clock clock) {
        this.config = config;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.url().isPresent();
    }

    void start(@Observes StartupEvent start) {
        if (!enabled()) {
            return;
        }
        if (config.secret().isEmpty()) {
            LOG.warn("webcare.cases.notifications.webhook.url is set without a secret: deliveries are not signed");
        }
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Scheduled(
            every = "${webcare.cases.notifications.webhook.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        if (http == null) {
            return;
        }
        List<NotificationView> due = QuarkusTransaction.requiringNew().call(() -> notifications
                .find(
                        "webhookNextAt <= ?1 and webhookDeliveredAt is null and webhookFailedAt is null"
                                + " order by webhookNextAt",
                        Instant.now(clock))
                .page(0, 50)
                .list()
                .stream()
                .map(NotificationView::of)
                .toList());
        due.forEach(this::send);
    }

    private void send(NotificationView notification) {
        String error;
        try {
            String body = json.writeValueAsString(notification);
            HttpRequest request = SignedWebhook.request(
                    URI.create(config.url().orElseThrow()),
                    config.timeout(),
                    EVENT,
                    notification.notificationId().toString(),
                    Instant.now(clock),
                    body,
                    config.secret());
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                record(notification, null);
                return;
            }
            error = "answered " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (JsonProcessingException e) {
            error = "cannot serialise: " + e.getOriginalMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        record(notification, error);
    }

    /** A delivery (error null) or a failed attempt, with the next try after the backoff or given up. */
    private void record(NotificationView sent, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            TeamLeadNotification n = notifications.findById(sent.notificationId());
            Instant now = Instant.now(clock);
            n.webhookAttempts++;
            if (error == null) {
                n.webhookDeliveredAt = now;
                return;
            }
            n.webhookLastError = error.length() > 500 ? error.substring(0, 500) : error;
            if (n.webhookAttempts >= config.maxAttempts()) {
                n.webhookFailedAt = now;
                LOG.errorf(
                        "Webhook gave up on notification %s after %d attempts: %s",
                        n.notificationId, n.webhookAttempts, n.webhookLastError);
                return;
            }
            long backoff = Math.min(
                    config.maxBackoff().toMillis(),
                    config.firstBackoff().toMillis() * (1L << Math.min(20, n.webhookAttempts - 1)));
            n.webhookNextAt = now.plus(Duration.ofMillis(backoff));
        });
    }
}

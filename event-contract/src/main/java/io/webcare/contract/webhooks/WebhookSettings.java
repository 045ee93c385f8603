package io.webcare.contract.webhooks;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings every outgoing {@link SignedWebhook} has. Each service maps them under its own prefix with a
 * {@code @ConfigMapping} interface that extends this one (and adds how it polls for due deliveries).
 */
public interface WebhookSettings {
    /** Where deliveries go; the webhook is off without one. */
    Optional<String> url();

    /** HMAC-SHA256 key of the {@code X-Webcare-Signature} header; from the environment, never in a file. */
    Optional<String> secret();

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    @WithDefault("PT10S")
    Duration timeout();
}

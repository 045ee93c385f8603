package io.webcare.feedback.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The optional webhook (an issue tracker or a chat) told about issues and incidents; off without a URL. */
@ConfigMapping(prefix = "webcare.feedback.webhook")
public interface WebhookConfig {
    Optional<String> url();

    /** HMAC-SHA256 key of the {@code X-Webcare-Signature} header; from the environment, never in a file. */
    Optional<String> secret();

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    @WithDefault("PT0.5S")
    Duration poll();

    @WithDefault("PT10S")
    Duration timeout();
}

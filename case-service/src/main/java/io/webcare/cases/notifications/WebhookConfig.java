package io.webcare.cases.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The optional webhook told about every team-lead notification (a chat or paging tool); off without a URL. */
@ConfigMapping(prefix = "webcare.cases.notifications.webhook")
public interface WebhookConfig {
    Optional<String> url();

    /** HMAC-SHA256 key of {@code X-Webcare-Signature}; from the environment, never in a file. */
    Optional<String> secret();

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** How often due deliveries are looked for. */
    @WithDefault("1s")
    String poll();

    @WithDefault("PT10S")
    Duration timeout();
}

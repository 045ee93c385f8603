package io.webcare.feedback.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.webcare.contract.webhooks.WebhookSettings;
import java.time.Duration;

/** The optional webhook (an issue tracker or a chat) told about issues and incidents; off without a URL. */
@ConfigMapping(prefix = "webcare.feedback.webhook")
public interface WebhookConfig extends WebhookSettings {
    /** How often due deliveries are looked for. */
    @WithDefault("PT0.5S")
    Duration poll();
}

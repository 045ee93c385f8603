package io.webcare.cases.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.webcare.contract.webhooks.WebhookSettings;

/** The optional webhook told about every team-lead notification (a chat or paging tool); off without a URL. */
@ConfigMapping(prefix = "webcare.cases.notifications.webhook")
public interface WebhookConfig extends WebhookSettings {
    /** How often due deliveries are looked for (a scheduler expression). */
    @WithDefault("1s")
    String poll();
}

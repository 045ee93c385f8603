package io.webcare.ingest.webhooks;

import io.webcare.ingest.messages.MessageAccepted;
import java.util.List;

/**
 * The answer to a webhook delivery, sent only once its messages are stored with their events (the outbox relays
 * them to Kafka even after a crash): how many messages it carried, how many were new and how many seen before.
 */
public record WebhookAck(int messages, int published, int duplicates) {
    public static WebhookAck of(List<MessageAccepted> accepted) {
        int duplicates =
                (int) accepted.stream().filter(MessageAccepted::duplicate).count();
        return new WebhookAck(accepted.size(), accepted.size() - duplicates, duplicates);
    }
}

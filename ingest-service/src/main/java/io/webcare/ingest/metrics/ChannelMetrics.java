package io.webcare.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ingest figures, each tagged with the {@code channel} (x, facebook, instagram, whatsapp, phone, email). A
 * rejected request that names no channel yet is tagged with its entry point instead: {@code meta} (the Meta webhook),
 * {@code x} (the X webhook) or {@code api} (the REST and bulk endpoints).
 *
 * <ul>
 *   <li>{@code webcare.ingest.received}: customer messages taken in, duplicates included;
 *   <li>{@code webcare.ingest.duplicates}: of those, received before and dropped;
 *   <li>{@code webcare.ingest.published}: new messages stored with their event (the outbox relays them to Kafka;
 *       {@code webcare.outbox.published} counts what reached the broker);
 *   <li>{@code webcare.ingest.rejected} (also tagged {@code reason}): requests or bulk lines refused;
 *   <li>{@code webcare.replies.delivered} and {@code webcare.replies.failed} (also tagged {@code reason}).
 * </ul>
 */
@ApplicationScoped
public class ChannelMetrics {
    private final MeterRegistry registry;

    public ChannelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String channel, int count) {
        increment("webcare.ingest.received", "Customer messages taken in, duplicates included", channel, count);
    }

    public void duplicates(String channel, int count) {
        increment("webcare.ingest.duplicates", "Messages received before, dropped", channel, count);
    }

    public void published(String channel, int count) {
        increment("webcare.ingest.published", "New messages stored with their event", channel, count);
    }

    public void rejected(String channel, String reason) {
        registry.counter("webcare.ingest.rejected", "channel", channel, "reason", reason)
                .increment();
    }

    public void delivered(String channel) {
        increment("webcare.replies.delivered", "Replies the platform accepted", channel, 1);
    }

    public void deliveryFailed(String channel, String reason) {
        registry.counter("webcare.replies.failed", "channel", channel, "reason", reason)
                .increment();
    }

    private void increment(String name, String description, String channel, int count) {
        if (count > 0) {
            io.micrometer.core.instrument.Counter.builder(name)
                    .description(description)
                    .tag("channel", channel)
                    .register(registry)
                    .increment(count);
        }
    }
}

package io.webcare.contract.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.contract.EventType;
import io.webcare.contract.ids.TimeOrderedIds;
import io.webcare.contract.transactions.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes an event atomically with the caller's state change: the event is stored in the caller's transaction and
 * relayed to Kafka after commit. If the transaction rolls back, the event never existed; if the process dies after
 * commit, the relay sends it on restart.
 */
@ApplicationScoped
public class Outbox {
    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final String source;

    public Outbox(
            OutboxRepository repository,
            OutboxRelay relay,
            ObjectMapper json,
            AfterCommit afterCommit,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.repository = repository;
        this.relay = relay;
        this.json = json;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.source = "/webcare/" + applicationName;
    }

    /** Stores {@code payload} as an event of {@code type} keyed by {@code key}; returns the event id (ce_id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String key, Record payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.ceType() + " does not carry " + payload.getClass());
        }
        var event = new OutboxEvent();
        event.eventId = TimeOrderedIds.next();
        event.topic = type.topic();
        event.key = key;
        event.type = type.ceType();
        event.source = source;
        event.occurredAt = Instant.now(clock);
        event.payload = toJson(payload);
        repository.persist(event);
        wakeRelayAfterCommit();
        return event.eventId;
    }

    /** One event of {@link #publishAll}: its key and payload. */
    public record Keyed(String key, Record payload) {}

    /**
     * Stores many events of one {@code type} with one statement (instead of one round trip each), in the given order;
     * returns their event ids in that order. For callers that write many events per transaction (bulk imports).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(EventType type, List<Keyed> events) {
        return publishAll(events.stream()
                .map(keyed -> new Typed(type, keyed.key(), keyed.payload()))
                .toList());
    }

    /** One event of {@link #publishAll(List)}: its type, key and payload. */
    public record Typed(EventType type, String key, Record payload) {}

    /**
     * Stores many events, of any types, with one statement, in the given order (the relay sends them in that order);
     * returns their event ids in that order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Typed> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> rows = new ArrayList<>(events.size());
        Instant now = Instant.now(clock);
        for (Typed typed : events) {
            if (!typed.type().payloadType().isInstance(typed.payload())) {
                throw new IllegalArgumentException(typed.type().ceType() + " does not carry "
                        + typed.payload().getClass());
            }
            var event = new OutboxEvent();
            event.eventId = TimeOrderedIds.next();
            event.topic = typed.type().topic();
            event.key = typed.key();
            event.type = typed.type().ceType();
            event.source = source;
            event.occurredAt = now;
            event.payload = toJson(typed.payload());
            rows.add(event);
        }
        repository.insertAll(rows, now.atOffset(ZoneOffset.UTC));
        wakeRelayAfterCommit();
        return rows.stream().map(e -> e.eventId).toList();
    }

    private void wakeRelayAfterCommit() {
        afterCommit.run(relay::wakeUp);
    }

    private String toJson(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}

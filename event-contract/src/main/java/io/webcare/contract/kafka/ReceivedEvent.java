package io.webcare.contract.kafka;

import io.webcare.contract.EventType;

/** A consumed event: its CloudEvents attributes, its type and its payload. */
public record ReceivedEvent<T>(CloudEvent cloudEvent, EventType type, String key, T payload) {}

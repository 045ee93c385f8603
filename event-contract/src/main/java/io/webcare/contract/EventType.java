package io.webcare.contract;

import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.SlaClockStarted;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire: its versioned CloudEvents type, the topic it travels on, the record that carries it
 * and the JSON Schema analysts read. Schema changes are additive; a breaking change is a new version (a new constant).
 */
public enum EventType {
    MESSAGE_RECEIVED("webcare.message.received.v1", Topics.MESSAGES_INBOUND, InboundMessage.class),
    MESSAGE_ROUTED("webcare.message.routed.v1", Topics.MESSAGES_ROUTED, MessageRouted.class),
    CASE_OPENED("webcare.case.opened.v1", Topics.CASES, CaseOpened.class),
    CASE_MESSAGE_ADDED("webcare.case.message-added.v1", Topics.CASES, CaseMessageAdded.class),
    SLA_CLOCK_STARTED("webcare.sla.clock-started.v1", Topics.SLA, SlaClockStarted.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String ceType, String topic, Class<? extends Record> payloadType) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema, e.g. {@code schemas/webcare.case.opened.v1.schema.json}. */
    public String schemaResource() {
        return "schemas/" + ceType + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}

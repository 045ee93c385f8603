package io.webcare.deploy.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record read from a Webcare topic: its CloudEvents id and type (headers {@code ce_id}, {@code ce_type}), key,
 * JSON payload and the {@link System#nanoTime()} at which this process received it.
 */
public record StackEvent(String topic, String id, String type, String key, JsonNode payload, long receivedNanos) {

    public static final String INBOUND_TOPIC = "webcare.messages.inbound";
    public static final String CASES_TOPIC = "webcare.cases";
    public static final String SLA_TOPIC = "webcare.sla";
    public static final String MESSAGE_RECEIVED = "webcare.message.received.v1";
    public static final String CASE_OPENED = "webcare.case.opened.v1";
    public static final String CLOCK_STARTED = "webcare.sla.clock-started.v1";

    public String text(String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

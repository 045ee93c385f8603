package io.webcare.contract.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a record, carried in binary mode as Kafka headers (architecture.md, Topics).
 *
 * @param id unique per event; consumers use it to process each event once
 * @param source URI reference of the producing service, e.g. {@code /webcare/case-service}
 * @param type versioned event type, e.g. {@code webcare.case.opened.v1}
 */
public record CloudEvent(UUID id, String source, String type, Instant time) {
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public Headers toHeaders() {
        var headers = new RecordHeaders();
        headers.add(ID, bytes(id.toString()));
        headers.add(SOURCE, bytes(source));
        headers.add(TYPE, bytes(type));
        headers.add(TIME, bytes(time.toString()));
        headers.add(SPEC_VERSION, bytes("1.0"));
        headers.add(CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    /** Reads the attributes of a received record; a record without them is not one of ours. */
    public static CloudEvent fromHeaders(Headers headers) {
        String specVersion = text(headers, SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            throw new UnreadableEventException("missing or unsupported ce_specversion: " + specVersion);
        }
        try {
            return new CloudEvent(
                    UUID.fromString(required(headers, ID)),
                    required(headers, SOURCE),
                    required(headers, TYPE),
                    Instant.parse(required(headers, TIME)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new UnreadableEventException("malformed CloudEvents header: " + e.getMessage());
        }
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

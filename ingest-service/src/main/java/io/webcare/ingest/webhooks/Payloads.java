package io.webcare.ingest.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.contract.problem.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** Reading platform payloads defensively: whatever a body holds, the answer is a message or a 400, never a 500. */
public final class Payloads {
    /** Ids are stored in columns of this size (received_message); anything longer is not a platform id. */
    public static final int MAX_ID = 255;

    public static final int MAX_TEXT = 100_000;

    /** Times beyond this are not real send times (and would overflow reply-window arithmetic). */
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private Payloads() {}

    /** The body as JSON; a body that is not a JSON object is a 400. */
    public static JsonNode parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read as JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object.");
        }
        return root;
    }

    /** The elements of an array field; an absent field is empty, any other non-array is a 400. */
    public static Iterable<JsonNode> array(JsonNode parent, String field, String where) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.badRequest("'" + where + field + "' must be an array.");
        }
        return node::elements;
    }

    /** A required id or text: present, a string or number, not blank, not longer than {@code max}. */
    public static String required(JsonNode parent, String field, String where, int max) {
        String value = optional(parent, field, where, max);
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("'" + where + field + "' is missing.");
        }
        return value;
    }

    public static String requiredId(JsonNode parent, String field, String where) {
        return required(parent, field, where, MAX_ID);
    }

    /** An optional string (or number, as ids sometimes are); null when absent. */
    public static String optional(JsonNode parent, String field, String where, int max) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw ProblemException.badRequest("'" + where + field + "' must be a string.");
        }
        String value = node.asText();
        if (value.length() > max) {
            throw ProblemException.badRequest("'" + where + field + "' is longer than " + max + " characters.");
        }
        return value;
    }

    public static String optionalId(JsonNode parent, String field, String where) {
        String value = optional(parent, field, where, MAX_ID);
        return value == null || value.isBlank() ? null : value;
    }

    /** A non-negative count; absent or unreadable counts as 0 (reach is a hint, not a reason to refuse a message). */
    public static long count(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.canConvertToLong() && node.asLong() > 0 ? node.asLong() : 0;
    }

    /** Seconds or milliseconds since the epoch (as number or numeric string); null when absent or not a time. */
    public static Instant epoch(JsonNode node, boolean millis) {
        if (node == null || !(node.isIntegralNumber() || node.isTextual())) {
            return null;
        }
        try {
            long value = Long.parseLong(node.asText().trim());
            if (value <= 0) {
                return null;
            }
            Instant at = millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return at.isAfter(LATEST) ? null : at;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** An absolute http(s) URL of an attachment, or null when the platform gave something else. */
    public static String url(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isTextual() || node.asText().length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(node.asText());
            return uri.isAbsolute()
                            && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    ? node.asText()
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

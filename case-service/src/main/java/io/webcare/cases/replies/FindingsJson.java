package io.webcare.cases.replies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.cases.replycheck.Finding;
import java.util.List;

/** The reply check's findings as stored with a reply. */
final class FindingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Finding>> LIST = new TypeReference<>() {};

    private FindingsJson() {}

    static String write(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store reply-check findings", e);
        }
    }

    static List<Finding> read(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reply-check findings are unreadable", e);
        }
    }
}

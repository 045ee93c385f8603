package io.webcare.deploy.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;

/** An HTTP answer from one of the services: status and body, with the body as JSON on demand. */
public record ApiResponse(int status, String contentType, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body == null || body.isEmpty() ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Not JSON (HTTP " + status + "): " + abbreviate(body), e);
        }
    }

    /** Throws with the status and body when the answer is not 2xx; otherwise returns itself. */
    public ApiResponse requireSuccess(String what) {
        if (!isSuccess()) {
            throw new StackClient.StackException(what + " answered HTTP " + status + ": " + abbreviate(body));
        }
        return this;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

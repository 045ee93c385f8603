package io.webcare.sla.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.webcare.contract.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body value of the wrong form (a duration that is not ISO-8601, an unknown channel) is a problem-details 400 naming
 * the field, like every other error; without this, the framework's own mapper for these exceptions answers plain JSON.
 */
public class UnreadableBodyMapper {
    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response unreadable(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("the body");
        return Problem.of(
                        Response.Status.BAD_REQUEST,
                        "The value of '" + field + "' is not valid here"
                                + (e instanceof InvalidFormatException f ? ": " + f.getValue() : "") + ".")
                .toResponse();
    }
}

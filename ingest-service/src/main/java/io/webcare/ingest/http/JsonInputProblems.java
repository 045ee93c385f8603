package io.webcare.ingest.http;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.webcare.contract.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A JSON body of the wrong shape (an array, a string or a number where a message object belongs, a field of the wrong
 * type) is answered with problem details. Without this, Quarkus' built-in mapper for this exception, which takes
 * precedence over the contract's general JSON mapper, answers a bare 400 without a body.
 */
public class JsonInputProblems {
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse(null);
        String detail = field == null
                ? "The body is not a JSON object of the expected shape."
                : "The body is not valid JSON for this request at '" + field + "' (wrong type or value).";
        return Problem.of(Response.Status.BAD_REQUEST, detail).toResponse();
    }
}

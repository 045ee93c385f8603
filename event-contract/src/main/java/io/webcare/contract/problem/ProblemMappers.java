package io.webcare.contract.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into a problem-details answer: a clear detail for the client, never a stack
 * trace or a class name. Unexpected failures are logged here with their cause and answered with a neutral 500.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.of(e.status(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "The request is not valid: " + errors.size() + " field(s) need attention.",
                        null,
                        errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON.")
                .toResponse();
    }

    /**
     * A body of the wrong shape (an array where an object belongs, a field of the wrong type, a duration that is not
     * ISO-8601): a 400 naming the field. Ranked before Quarkus' own mapper for these, which answers a bare 400.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse(null);
        String value = e instanceof InvalidFormatException f ? ": " + f.getValue() : "";
        String detail = field == null
                ? "The body is not a JSON object of the expected shape."
                : "The value of '" + field + "' is not valid here" + value + ".";
        return Problem.of(Response.Status.BAD_REQUEST, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(OptimisticLockException e) {
        return Problem.of(
                        Response.Status.CONFLICT,
                        "Someone else changed this at the same time; reload it and apply your change again.")
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() >= 500 ? "The request could not be handled." : e.getMessage();
        return Problem.of(status, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure while handling a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be handled; it was logged.")
                .toResponse();
    }

    /** "openCase.request.author.handle" -> "author.handle": the field as the client named it. */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2
                ? parts[parts.length - 1]
                : String.join(".", List.of(parts).subList(2, parts.length));
    }
}

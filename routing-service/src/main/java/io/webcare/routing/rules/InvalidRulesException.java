package io.webcare.routing.rules;

import io.webcare.contract.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rule set that cannot be saved, with every reason (answered as 400 problem details, one error per problem). */
public class InvalidRulesException extends RuntimeException {
    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** Maps the exception to RFC 9457 problem details. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response invalidRules(InvalidRulesException e) {
            return new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "the routing rules are not valid: " + e.problems().size() + " problem(s)",
                            null,
                            e.problems().stream()
                                    .map(p -> new Problem.FieldError("rules", p))
                                    .toList())
                    .toResponse();
        }
    }
}

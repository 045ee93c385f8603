package io.webcare.contract.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * A rejected bearer token (expired, forged, wrong issuer) is refused by the HTTP security layer before any REST
 * resource runs, so {@link ProblemMappers} never sees it and Quarkus would answer with an empty 401. This failure
 * handler gives that 401 the same problem-details body as every other error, keeping the Bearer challenge.
 */
@ApplicationScoped
public class AuthenticationProblems {
    private final byte[] body;

    public AuthenticationProblems(ObjectMapper mapper) throws JsonProcessingException {
        this.body = mapper.writeValueAsBytes(Problem.of(
                Response.Status.UNAUTHORIZED,
                "A valid bearer token is required: it is missing, expired or not issued by the webcare realm."));
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unauthenticated =
                failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException;
        if (!unauthenticated || context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"webcare\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(body));
    }
}

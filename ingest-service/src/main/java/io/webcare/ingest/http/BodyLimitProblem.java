package io.webcare.ingest.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.webcare.contract.problem.Problem;
import io.webcare.ingest.bulk.BulkConfig;
import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced (Content-Length) as larger than {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem-details answer before a byte of it is read; without this the HTTP layer would answer a bare 413. A body
 * that is streamed without a length and runs over is still cut off by the HTTP layer (a 413 without details).
 *
 * <p>The bulk import ({@code /api/v1/messages/bulk}) streams its body line by line and has a limit of its own,
 * {@code webcare.bulk.max-body-size}.
 */
@ApplicationScoped
public class BodyLimitProblem {
    static final String BULK_PATH = "/api/v1/messages/bulk";

    /** Where Quarkus looks up the limit of a streamed body for this request. */
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final ChannelMetrics metrics;

    public BodyLimitProblem(ChannelMetrics metrics) {
        this.metrics = metrics;
    }

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            BulkConfig bulk) {
        long max = limit.asLongValue();
        long bulkMax = bulk.maxBodySize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            boolean isBulk = BULK_PATH.equals(ctx.normalizedPath());
            long allowed = isBulk ? bulkMax : max;
            if (isBulk) {
                ctx.put(MAX_REQUEST_SIZE, bulkMax);
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, allowed)) {
                metrics.rejected(entryPoint(ctx), "too-large");
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem(allowed));
            } else {
                ctx.next();
            }
        });
    }

    private static String problem(long allowed) {
        return "{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
                + "\"detail\":\"The body is larger than the limit of " + allowed + " bytes.\"}";
    }

    /** The channel tag of a request refused before its body named a channel. */
    static String entryPoint(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/webhooks/meta")) {
            return "meta";
        }
        if (path.startsWith("/webhooks/x")) {
            return "x";
        }
        return "api";
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

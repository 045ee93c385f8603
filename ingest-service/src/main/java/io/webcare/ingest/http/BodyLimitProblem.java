package io.webcare.ingest.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.webcare.contract.problem.Problem;
import io.webcare.ingest.bulk.BulkConfig;
import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Body limits with problem-details answers. The HTTP layer's own cap ({@code quarkus.http.limits.max-body-size}) is
 * the bulk import's, because that endpoint streams its body line by line; every other endpoint reads its body whole,
 * so it is held to {@code webcare.http.max-body-size} here: a larger Content-Length is refused with 413 before a byte
 * is read, and a body sent without a length (chunked) is refused with 411, since its size could not be bounded
 * before reading. Without this handler the HTTP layer would answer a bare 413.
 */
@ApplicationScoped
public class BodyLimitProblem {
    static final String BULK_PATH = "/api/v1/messages/bulk";

    private final ChannelMetrics metrics;

    public BodyLimitProblem(ChannelMetrics metrics) {
        this.metrics = metrics;
    }

    void install(
            @Observes Router router,
            @ConfigProperty(name = "webcare.http.max-body-size") MemorySize limit,
            BulkConfig bulk) {
        long max = limit.asLongValue();
        long bulkMax = bulk.maxBodySize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            boolean isBulk = BULK_PATH.equals(ctx.normalizedPath());
            long allowed = isBulk ? bulkMax : max;
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, allowed)) {
                refuse(
                        ctx,
                        413,
                        "too-large",
                        "Request Entity Too Large",
                        "The body is larger than the limit of " + allowed + " bytes.");
            } else if (length == null && !isBulk && carriesBody(ctx.request().method())) {
                refuse(
                        ctx,
                        411,
                        "length-required",
                        "Length Required",
                        "Send the body with a Content-Length; bodies" + " are limited to " + allowed
                                + " bytes here (only the bulk import streams).");
            } else {
                ctx.next();
            }
        });
    }

    /** Chunked over HTTP/1.1 or simply unannounced over HTTP/2: either way, no length to check. */
    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void refuse(RoutingContext ctx, int status, String reason, String title, String detail) {
        metrics.rejected(entryPoint(ctx), reason);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // the unread body would otherwise be taken for the next request (HTTP/2 forbids the header)
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(problem(status, title, detail));
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
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

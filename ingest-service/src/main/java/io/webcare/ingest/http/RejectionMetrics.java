package io.webcare.ingest.http;

import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every refused request to an entry point (webhooks, messages, bulk) in {@code webcare.ingest.rejected}, by
 * the reason its status stands for. Such a request names no channel the service trusts yet, so it is tagged with its
 * entry point ({@code meta}, {@code x} or {@code api}); rejected bulk lines are counted by the bulk import itself.
 */
public class RejectionMetrics {
    private final ChannelMetrics metrics;

    public RejectionMetrics(ChannelMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || !"POST".equals(request.getMethod())) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        String entryPoint;
        if (path.startsWith("/webhooks/meta")) {
            entryPoint = "meta";
        } else if (path.startsWith("/webhooks/x")) {
            entryPoint = "x";
        } else if (path.startsWith("/api/v1/messages")) {
            entryPoint = "api";
        } else {
            return;
        }
        String reason =
                switch (status) {
                    case 400 -> "invalid";
                    case 401 -> entryPoint.equals("api") ? "unauthenticated" : "bad-signature";
                    case 403 -> "forbidden";
                    case 404 -> "not-configured";
                    case 413 -> "too-large";
                    case 415 -> "unsupported-media-type";
                    default -> "status-" + status;
                };
        metrics.rejected(entryPoint, reason);
    }
}

package io.webcare.sla.dashboard;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A browser on the dashboard (no Authorization header) is handled by the {@code browser} OIDC tenant: the
 * authorization-code flow with Keycloak's login page and a session cookie. Everything else, including a bearer token
 * sent to the dashboard's stream, stays with the default tenant (bearer tokens only), so the REST API keeps answering
 * a missing token with a 401 instead of a redirect.
 */
@ApplicationScoped
public class DashboardTenantResolver implements TenantResolver {
    static final String TENANT = "browser";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        boolean dashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
        return dashboard && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null ? TENANT : null;
    }
}

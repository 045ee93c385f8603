package io.webcare.sla.dashboard;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live dashboard: the page, and the stream of snapshots it draws. Agents and team leads see their own team(s),
 * analysts every team. Browsers sign in through Keycloak (the {@code browser} OIDC tenant, see
 * {@link DashboardTenantResolver}); the stream and the snapshot also accept a bearer token.
 */
@Path("/dashboard")
public class DashboardResource {
    static final Set<String> VIEWER_ROLES = Set.of("agent", "team-lead", "analyst");

    private static final String PAGE = resource("dashboard/index.html");
    private static final String FORBIDDEN_PAGE = resource("dashboard/forbidden.html");

    private final DashboardService dashboards;
    private final DashboardUpdates updates;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public DashboardResource(
            DashboardService dashboards, DashboardUpdates updates, SecurityIdentity identity, JsonWebToken token) {
        this.dashboards = dashboards;
        this.updates = updates;
        this.identity = identity;
        this.token = token;
    }

    /** The page; a signed-in user without a dashboard role gets a page that says so, with a 403. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page() {
        if (VIEWER_ROLES.stream().noneMatch(identity::hasRole)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(FORBIDDEN_PAGE.replace("{user}", escape(viewer())))
                    .build();
        }
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Not a redraw tick (those start at 1): the viewer just connected and gets a fresh snapshot. */
    private static final long CONNECTED = 0L;

    /** A snapshot on connect, then a fresh one after each change (at most one per debounce interval). */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "team-lead", "analyst"})
    @Operation(summary = "The dashboard's snapshots as server-sent events: one on connect, one after each change")
    public Multi<DashboardSnapshot> events() {
        DashboardScope scope = scope();
        return Multi.createBy()
                .merging()
                .streams(Multi.createFrom().item(CONNECTED), updates.ticks())
                // Ticks are tiny; a viewer still computing the last snapshot keeps the next ones.
                .onOverflow()
                .buffer(64)
                // The snapshot queries block: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> tick == CONNECTED ? dashboards.snapshot(scope) : dashboards.snapshot(scope, tick));
    }

    @GET
    @Path("/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "team-lead", "analyst"})
    @Operation(summary = "The dashboard's current snapshot")
    public DashboardSnapshot snapshot() {
        return dashboards.snapshot(scope());
    }

    private DashboardScope scope() {
        if (identity.hasRole("analyst")) {
            return new DashboardScope(viewer(), null);
        }
        List<String> teams = teams(token.getClaim("team"));
        if (teams.isEmpty()) {
            throw ProblemException.forbidden("Your token names no team.");
        }
        return new DashboardScope(viewer(), teams);
    }

    /** The team claim: one name (the webcare realm's mapper) or several. */
    private static List<String> teams(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case String s -> s.isBlank() ? List.of() : List.of(s);
            case JsonString s -> List.of(s.getString());
            case JsonArray a ->
                a.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .distinct()
                        .toList();
            case Collection<?> c -> c.stream().map(String::valueOf).distinct().toList();
            default -> List.of(String.valueOf(claim));
        };
    }

    private String viewer() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.webcare.sla.policies;

import io.quarkus.security.identity.SecurityIdentity;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A team's SLA policy and business calendar: team leads of the team change them (each change is a new version),
 * team leads and analysts read them.
 */
@Path("/api/v1/teams/{team}")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    /** A holiday feed of a country for ten years is some tens of kilobytes. */
    static final int MAX_FEED_CHARS = 512 * 1024;

    private final PolicyService policies;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock clock;

    public PolicyResource(PolicyService policies, SecurityIdentity identity, JsonWebToken token, Clock clock) {
        this.policies = policies;
        this.identity = identity;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @Path("/policy")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "The team's current SLA policy (targets, overrides per priority and channel, calendar)")
    public PolicyView current(@PathParam("team") String team) {
        mayRead(team);
        return PolicyView.of(policies.current(team));
    }

    @GET
    @Path("/policy/versions")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "Every version of the team's SLA policy, oldest first")
    public List<PolicyView> versions(@PathParam("team") String team) {
        mayRead(team);
        return policies.history(team);
    }

    @GET
    @Path("/policy/versions/{version}")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "One version of the team's SLA policy")
    public PolicyView version(@PathParam("team") String team, @PathParam("version") @Min(1) int version) {
        mayRead(team);
        return PolicyView.of(policies.version(team, version));
    }

    @PUT
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("team-lead")
    @Operation(
            summary = "Replace the team's SLA policy",
            description = "Stores a new version; cases already open keep the version their clocks started with.")
    public PolicyView replace(@PathParam("team") String team, @Valid @NotNull PolicyDocument policy) {
        mayChange(team);
        return PolicyView.of(
                policies.replace(team, policy, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "The team's business calendar (part of its current policy)")
    public CalendarView calendar(@PathParam("team") String team) {
        mayRead(team);
        return CalendarView.of(policies.current(team));
    }

    @PUT
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("team-lead")
    @Operation(summary = "Replace the team's business calendar (24/7, or opening hours in a time zone with holidays)")
    public CalendarView replaceCalendar(@PathParam("team") String team, @Valid @NotNull CalendarSpec calendar) {
        mayChange(team);
        try {
            calendar.toCalendar();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The calendar is not valid: " + e.getMessage() + ".");
        }
        return CalendarView.of(
                policies.replaceCalendar(team, calendar, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/calendar/holidays")
    @Consumes("text/calendar")
    @RolesAllowed("team-lead")
    @Operation(
            summary = "Import holidays from an iCalendar feed",
            description = "Every day covered by an event of the feed (recurring events expanded) from fromYear through"
                    + " toYear becomes a holiday of the team's calendar, as a new policy version.")
    public CalendarView importHolidays(
            @PathParam("team") String team,
            @Parameter(description = "first year to take holidays from, default this year") @QueryParam("fromYear")
                    Integer fromYear,
            @Parameter(description = "last year, default two years after fromYear") @QueryParam("toYear")
                    Integer toYear,
            @NotNull String feed) {
        mayChange(team);
        if (feed.length() > MAX_FEED_CHARS) {
            throw new ProblemException(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "A holiday feed may hold at most " + MAX_FEED_CHARS + " characters.");
        }
        int from = fromYear != null ? fromYear : LocalDate.now(clock).getYear();
        int to = toYear != null ? toYear : from + 2;
        return CalendarView.of(policies.importHolidays(
                team, feed, from, to, identity.getPrincipal().getName()));
    }

    private void mayRead(String team) {
        if (!identity.hasRole("analyst")) {
            mayChange(team);
        }
    }

    private void mayChange(String team) {
        if (!identity.hasRole("team-lead") || !team.equals(token.getClaim("team"))) {
            throw ProblemException.forbidden("Team leads manage the policy of their own team only.");
        }
    }
}

package io.webcare.sla.figures;

import io.quarkus.security.identity.SecurityIdentity;
import io.webcare.contract.events.Channel;
import io.webcare.contract.problem.ProblemException;
import io.webcare.sla.policies.PolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Service-level figures: analysts for any team (or all), team leads for their own team. */
@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FigureResource {
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final FigureService figures;
    private final PolicyService policies;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock clock;

    public FigureResource(
            FigureService figures, PolicyService policies, SecurityIdentity identity, JsonWebToken token, Clock clock) {
        this.figures = figures;
        this.policies = policies;
        this.identity = identity;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"analyst", "team-lead"})
    @Operation(
            summary = "Service-level figures per team, channel and period",
            description = "Share within first-response and resolution targets, median and p90 times in business"
                    + " time, open breaches, boomerang and first-time-fix rates, CSAT and NPS when known.")
    public Figures figures(
            @Parameter(description = "team; required for team leads (their own), all teams when left out")
                    @QueryParam("team")
                    String team,
            @Parameter(description = "channel (x, facebook, instagram, whatsapp, phone, email); all when left out")
                    @QueryParam("channel")
                    String channel,
            @Parameter(description = "start of the period (ISO-8601 instant), default 7 days before 'to'")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "end of the period (exclusive), default now") @QueryParam("to") String to) {
        mayRead(team);
        String channelName = null;
        if (channel != null) {
            try {
                channelName = Channel.fromWireName(channel).wireName();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown channel '" + channel + "'.");
            }
        }
        Instant end = to == null ? Instant.now(clock) : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
        checkPeriod(start, end);
        return figures.figures(team, channelName, start, end);
    }

    @GET
    @Path("/replay")
    @RolesAllowed({"analyst", "team-lead"})
    @Operation(
            summary = "Recompute the team's target figures under another version of its policy",
            description = "Each first-response and resolution target that finished in the period is judged against"
                    + " the targets the given policy version sets for its priority and channel, for the same business"
                    + " time counted (under the calendar it ran with).")
    public Replay replay(
            @Parameter(description = "team", required = true) @QueryParam("team") String team,
            @Parameter(description = "policy version to judge by", required = true) @QueryParam("version")
                    Integer version,
            @Parameter(description = "start of the period (ISO-8601 instant), default 7 days before 'to'")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "end of the period (exclusive), default now") @QueryParam("to") String to) {
        if (team == null || version == null) {
            throw ProblemException.badRequest("Give the team and the policy version to replay under.");
        }
        mayRead(team);
        Instant end = to == null ? Instant.now(clock) : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
        checkPeriod(start, end);
        return figures.replay(policies.version(team, version), start, end);
    }

    private void mayRead(String team) {
        if (!identity.hasRole("analyst")) {
            Object own = token.getClaim("team");
            if (team == null || !team.equals(own)) {
                throw ProblemException.forbidden("Team leads read the figures of their own team: team=" + own + ".");
            }
        }
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("The period must run forward and last at most 366 days.");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "'" + name + "' must be an ISO-8601 instant such as 2026-11-23T00:00:00Z, not '" + value + "'.");
        }
    }
}

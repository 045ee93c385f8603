package io.webcare.routing.decision;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Reach;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What routing would make of a text, without publishing anything: to try rules and understand decisions. */
@Path("/api/v1/routing/dry-run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing")
public class DryRunResource {
    /**
     * A text as a customer might send it.
     *
     * @param channel x, facebook, instagram, whatsapp, phone or email (default x)
     * @param visibility public or private (default public)
     * @param handle the author's handle, to look for a boomerang among their recent cases
     */
    public record DryRun(
            @NotBlank @Size(max = 10_000) String text,
            String channel,
            @PositiveOrZero Long followers,
            Boolean verified,
            @Pattern(regexp = "public|private", message = "must be public or private") String visibility,
            @Size(max = 200) String handle) {}

    private final RoutingService routing;

    public DryRunResource(RoutingService routing) {
        this.routing = routing;
    }

    @POST
    @RolesAllowed({"team-lead", "analyst", "agent"})
    @Operation(
            summary = "Analyse a text and decide its route, publishing nothing",
            description = "Returns the analysis (language, sentiment with its drivers, intent, signals, topics, reach)"
                    + " and the decision (team, priority, SLA, flags, the rule that fired and the reasons) under the"
                    + " rules in force.")
    @APIResponse(responseCode = "200", description = "The analysis and the decision")
    @APIResponse(responseCode = "400", description = "No text, or an unknown channel or visibility")
    public RoutingService.Routed dryRun(@NotNull @Valid DryRun request) {
        Channel channel = channel(request.channel());
        var reach = new Reach(
                request.followers() == null ? 0 : request.followers(),
                Boolean.TRUE.equals(request.verified()),
                !"private".equals(request.visibility()));
        return routing.route(request.text(), reach, channel, request.handle(), "dry-run");
    }

    private static Channel channel(String name) {
        if (name == null) {
            return Channel.X;
        }
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown channel " + name);
        }
    }
}

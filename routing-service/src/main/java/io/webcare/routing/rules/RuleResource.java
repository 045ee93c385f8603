package io.webcare.routing.rules;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The routing rules: team leads read and replace them (each change a new, audited version); analysts read them. */
@Path("/api/v1/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing rules")
public class RuleResource {
    /** A change of the rules: the version it was made on, why, and the complete new rule set. */
    public record RulesChange(
            @NotNull @PositiveOrZero Long basedOnVersion,
            @Size(max = 1000) String comment,
            @NotNull @Valid RuleSet rules) {}

    /** One entry of the audit trail: who saved which version when, and why. */
    public record VersionSummary(long version, String changedBy, java.time.Instant changedAt, String comment) {}

    private final RuleService rules;
    private final SecurityIdentity identity;

    public RuleResource(RuleService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "The routing rules in force, with their version and who saved them when")
    @APIResponse(responseCode = "200", description = "The rules in force")
    public RuleService.Versioned current() {
        return rules.current();
    }

    @PUT
    @RolesAllowed("team-lead")
    @Operation(
            summary = "Replace the routing rules",
            description = "Saves the complete rule set as the next version. basedOnVersion is the version you read;"
                    + " if someone saved another version since, the answer is 409 and nothing is saved. Invalid rules"
                    + " are answered with 400 and one error per problem. Routing follows within"
                    + " webcare.routing.rules.refresh (5 s).")
    @APIResponse(responseCode = "200", description = "The saved version")
    @APIResponse(responseCode = "400", description = "The rules are not valid (problem details with every problem)")
    @APIResponse(responseCode = "409", description = "The rules changed since basedOnVersion")
    public RuleService.Versioned replace(@NotNull @Valid RulesChange change) {
        return rules.replace(
                change.basedOnVersion(),
                change.rules(),
                change.comment(),
                identity.getPrincipal().getName());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "The audit trail of the rules: every version, newest first, who saved it when and why")
    @APIResponse(responseCode = "200", description = "Every version")
    public List<VersionSummary> history() {
        return rules.history().stream()
                .map(v -> new VersionSummary(v.version(), v.changedBy(), v.changedAt(), v.comment()))
                .toList();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "One version of the rules, as it was saved")
    @APIResponse(responseCode = "200", description = "That version")
    @APIResponse(responseCode = "404", description = "No such version")
    public RuleService.Versioned version(@PathParam("version") long version) {
        return rules.version(version);
    }
}

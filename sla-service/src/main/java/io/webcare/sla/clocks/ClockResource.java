package io.webcare.sla.clocks;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The clocks of a case: agents and leads of the case's team, and analysts. */
@Path("/api/v1/clocks")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {
    private final ClockService clocks;
    private final ClockRecords records;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ClockResource(ClockService clocks, ClockRecords records, SecurityIdentity identity, JsonWebToken token) {
        this.clocks = clocks;
        this.records = records;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @RolesAllowed({"agent", "team-lead", "analyst"})
    @Operation(summary = "The service-level clocks of one case")
    public List<ClockView> ofCase(@QueryParam("caseId") @NotNull UUID caseId) {
        return clocks.ofCase(caseId, this::mayRead);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({"team-lead", "analyst"})
    @Operation(summary = "The audit entries of a case's clocks (policy switches on transfers)")
    @jakarta.transaction.Transactional
    public List<ClockAuditEntry> audit(@QueryParam("caseId") @NotNull UUID caseId) {
        clocks.ofCase(caseId, this::mayRead);
        return records.auditOf(caseId);
    }

    private boolean mayRead(String team) {
        return identity.hasRole("analyst") || team.equals(token.getClaim("team"));
    }
}

package io.webcare.cases.cases;

import io.webcare.cases.access.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The agents' view of their team's cases. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "team-lead"})
public class CaseResource {
    private final CaseService cases;
    private final Caller caller;

    public CaseResource(CaseService cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's team queue, most urgent first; or the case of one message")
    public List<CaseView> list(
            @QueryParam("status") CaseStatus status,
            @Parameter(description = "Only the case this message belongs to") @QueryParam("messageId") UUID messageId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (messageId != null) {
            return cases.byMessage(caller, messageId);
        }
        return cases.queue(caller, status, page, size);
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "One case with its messages")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return cases.get(caller, caseId);
    }
}

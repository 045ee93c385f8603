package io.webcare.cases.customers;

import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer profiles for agents and the contact centre: look up, view, link and unlink identities. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {
    private final CustomerService customers;
    private final CustomerQueries queries;
    private final AuditTrail audit;
    private final Caller caller;

    public CustomerResource(CustomerService customers, CustomerQueries queries, AuditTrail audit, Caller caller) {
        this.customers = customers;
        this.queries = queries;
        this.audit = audit;
        this.caller = caller;
    }

    public record Link(
            @NotNull
                    @Pattern(
                            regexp = "x|facebook|instagram|whatsapp|email|phone|crm",
                            message = "one of x," + " facebook, instagram, whatsapp, email, phone, crm")
                    String kind,
            @NotBlank @Size(max = 320) String value) {}

    @GET
    @RolesAllowed({"agent", "team-lead", "integration"})
    @Operation(summary = "Find the profile an identity is linked to, e.g. ?kind=crm&value=C-1234")
    @APIResponse(responseCode = "200", description = "The profile, or an empty list")
    public List<CustomerView> find(
            @Parameter(description = "x, facebook, instagram, whatsapp, email, phone, crm") @QueryParam("kind")
                    String kind,
            @QueryParam("value") String value) {
        if (kind == null || value == null || value.isBlank() || !Identities.KINDS.contains(kind)) {
            throw ProblemException.badRequest(
                    "Give ?kind (one of " + Identities.KINDS + ") and ?value of the identity to look up.");
        }
        return customers.findByIdentity(kind, value).map(queries::view).stream().toList();
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({"agent", "team-lead", "integration"})
    @Operation(summary = "A customer: linked identities, contact history on every channel, cases, sentiment trend")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerView get(@PathParam("customerId") UUID customerId) {
        return queries.view(customerId);
    }

    @POST
    @Path("/{customerId}/identities")
    @RolesAllowed({"agent", "team-lead", "integration"})
    @Operation(
            summary = "Link an identity to this customer (audited; undo by unlinking)",
            description = "An identity linked to another profile moves here; both profiles' audit trails say so.")
    @APIResponse(responseCode = "201", description = "The linked identity")
    public Response link(@PathParam("customerId") UUID customerId, @Valid @NotNull Link body) {
        var linked = customers.link(caller, customerId, body.kind(), body.value());
        return Response.status(Response.Status.CREATED)
                .entity(CustomerView.IdentityView.of(linked))
                .build();
    }

    @DELETE
    @Path("/{customerId}/identities/{identityId}")
    @RolesAllowed({"agent", "team-lead", "integration"})
    @Operation(summary = "Unlink an identity (audited; undo by linking it again)")
    @APIResponse(responseCode = "200", description = "The identity, now unlinked")
    @APIResponse(responseCode = "409", description = "Already unlinked")
    public CustomerView.IdentityView unlink(
            @PathParam("customerId") UUID customerId, @PathParam("identityId") UUID identityId) {
        return CustomerView.IdentityView.of(customers.unlink(caller, customerId, identityId));
    }

    @GET
    @Path("/{customerId}/audit")
    @RolesAllowed({"agent", "team-lead", "integration"})
    @Operation(summary = "The audit trail of a customer profile")
    public List<AuditTrail.Entry> audit(@PathParam("customerId") UUID customerId) {
        customers.get(customerId);
        return audit.of(AuditTrail.CUSTOMER, customerId).stream()
                .map(AuditTrail.Entry::of)
                .toList();
    }
}

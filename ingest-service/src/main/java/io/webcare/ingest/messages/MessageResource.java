package io.webcare.ingest.messages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The generic entry for the contact centre and replays: one message per call. */
@Path("/api/v1/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {
    private final GroupCommit ingestion;

    public MessageResource(GroupCommit ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @RolesAllowed("integration")
    @Operation(summary = "Push one customer message (contact centre, replays)")
    @APIResponse(responseCode = "202", description = "Accepted and stored; it will be routed")
    @APIResponse(responseCode = "200", description = "Received before: nothing new is published")
    @APIResponse(responseCode = "400", description = "Malformed or incomplete message (problem details)")
    public CompletionStage<Response> push(@NotNull @Valid MessageRequest request) {
        return ingestion.accept(List.of(request.toIncoming())).thenApply(stored -> {
            MessageAccepted accepted = stored.getFirst();
            return Response.status(accepted.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                    .entity(accepted)
                    .build();
        });
    }
}

package io.webcare.ingest.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Bulk import for the contact centre and replays: NDJSON, one message per line, streamed. */
@Path("/api/v1/messages/bulk")
public class BulkResource {
    public static final String NDJSON = "application/x-ndjson";

    private final BulkImport bulk;

    public BulkResource(BulkImport bulk) {
        this.bulk = bulk;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("integration")
    @Operation(
            summary =
                    "Push many customer messages as NDJSON (one message per line, the shape of POST /api/v1/messages)",
            description = "Read line by line and stored in chunks. A bad line is rejected with its line number and"
                    + " reason while the good lines are stored; each message is stored whole or not at all, and a"
                    + " message received before is counted as a duplicate and not published again.")
    @APIResponse(responseCode = "200", description = "The summary: accepted, duplicates, rejected lines with reasons")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem details)")
    @APIResponse(responseCode = "403", description = "Not the integration role (problem details)")
    @APIResponse(responseCode = "413", description = "Body over webcare.bulk.max-body-size (problem details)")
    @APIResponse(responseCode = "415", description = "Not application/x-ndjson (problem details)")
    public BulkSummary importMessages(InputStream body) throws IOException {
        return bulk.importFrom(body);
    }
}

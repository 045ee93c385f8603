package io.webcare.feedback.complaints;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/complaints/counts")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintCountResource {
    private final ComplaintCountRepository counts;

    public ComplaintCountResource(ComplaintCountRepository counts) {
        this.counts = counts;
    }

    public record TopicCount(String topic, long count, Instant lastAt) {}

    @GET
    @Transactional
    @RolesAllowed({"analyst", "team-lead", "product-owner"})
    @Operation(summary = "Complaints received per topic, most first")
    public List<TopicCount> counts() {
        return counts.mostFirst().stream()
                .map(c -> new TopicCount(c.topic, c.complaints, c.lastAt))
                .toList();
    }
}

package io.webcare.feedback.incidents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Recent complaint spikes, for the teams who inform customers publicly. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {
    private final IncidentRepository incidents;
    private final io.webcare.feedback.FeedbackConfig config;
    private final Clock clock;

    public IncidentResource(IncidentRepository incidents, io.webcare.feedback.FeedbackConfig config, Clock clock) {
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
    }

    /** @param open true while the rise lasts (plus the cool-down); its linked cases keep growing until then */
    public record IncidentView(
            UUID id,
            String topic,
            int complaints,
            double baseline,
            double rise,
            Instant windowStart,
            Instant windowEnd,
            Instant detectedAt,
            Instant lastAboveAt,
            boolean open,
            List<UUID> caseIds) {}

    @GET
    @Transactional
    @RolesAllowed({"agent", "team-lead", "analyst", "product-owner"})
    @Operation(summary = "Recent complaint spikes, newest first, with the cases linked to each")
    public List<IncidentView> recent(
            @Parameter(description = "How many, at most (1-200)")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    int limit) {
        Instant openSince = Instant.now(clock).minus(config.spike().cooldown());
        return incidents.recent(limit).stream()
                .map(i -> new IncidentView(
                        i.id,
                        i.topic,
                        i.complaints,
                        i.baseline,
                        i.rise,
                        i.windowStart,
                        i.windowEnd,
                        i.detectedAt,
                        i.lastAboveAt,
                        !i.lastAboveAt.isBefore(openSince),
                        incidents.caseIds(i.id)))
                .toList();
    }
}

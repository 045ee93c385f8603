package io.webcare.cases.notifications;

import io.webcare.cases.access.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The team leads' inbox of SLA escalations of their own team. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {
    private final NotificationService notifications;
    private final Caller caller;

    public NotificationResource(NotificationService notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @RolesAllowed("team-lead")
    @Operation(
            summary = "Your team's SLA escalations: unread first, then the newest (team leads)",
            description = "One notification per case, SLA clock and escalation step (a warning's threshold or a"
                    + " breach's level), written with the escalation itself. Only the own team's.")
    @APIResponse(responseCode = "200", description = "One page (items, page, size, total, unread)")
    @APIResponse(responseCode = "403", description = "Not a team lead, or another team named")
    public NotificationPage inbox(
            @Parameter(description = "Your own team (the default); another team answers 403") @QueryParam("team")
                    String team,
            @Parameter(description = "Only the unread ones") @QueryParam("unread") @DefaultValue("false")
                    boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return notifications.inbox(caller, team, unreadOnly, page, size);
    }

    @POST
    @Path("/{notificationId}/read")
    @RolesAllowed("team-lead")
    @Operation(summary = "Mark a notification of your team read (team leads); again keeps the first reader")
    @APIResponse(responseCode = "200", description = "The notification, read")
    @APIResponse(responseCode = "403", description = "Another team's notification")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationView read(@PathParam("notificationId") UUID notificationId) {
        return notifications.markRead(caller, notificationId);
    }
}

package io.webcare.feedback.issues;

import io.webcare.contract.events.FeedbackSample;
import io.webcare.feedback.complaints.GroupingState;
import io.webcare.feedback.complaints.StoredComplaint;
import io.webcare.feedback.complaints.StoredComplaintRepository;
import io.webcare.feedback.grouping.GroupSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The product owner's view of the recurring problems of their own product areas (the {@code product_areas} claim of
 * their token): list, acknowledge, set status, resolve with a message every affected customer receives.
 */
@Path("/api/v1/issues")
@Produces(MediaType.APPLICATION_JSON)
public class IssueResource {
    static final String AREAS_CLAIM = "product_areas";

    private final IssueRepository issues;
    private final IssueService service;
    private final StoredComplaintRepository complaints;
    private final GroupingState state;
    private final JsonWebToken token;
    private final Clock clock;

    public IssueResource(
            IssueRepository issues,
            IssueService service,
            StoredComplaintRepository complaints,
            GroupingState state,
            JsonWebToken token,
            Clock clock) {
        this.issues = issues;
        this.service = service;
        this.complaints = complaints;
        this.state = state;
        this.token = token;
        this.clock = clock;
    }

    /**
     * @param dailyLast7Days complaints per day, oldest first, the last entry being the last 24 hours
     * @param direction rising, falling or steady: the last 24 hours against the 24 before
     */
    public record Trend(long last24h, long previous24h, List<Long> dailyLast7Days, String direction) {}

    public record IssueView(
            UUID id,
            String productArea,
            String owner,
            String label,
            List<String> terms,
            IssueStatus status,
            int complaintCount,
            long affectedCustomers,
            int linkedCases,
            Trend trend,
            List<FeedbackSample> samples,
            Instant firstSeenAt,
            Instant detectedAt,
            Instant lastComplaintAt,
            Instant resolvedAt,
            String resolvedBy,
            String customerMessage) {}

    public record StatusChange(@NotNull IssueStatus status, @Size(max = 1000) String note) {}

    public record Resolution(@NotBlank @Size(max = 1000) String customerMessage) {}

    @GET
    @Transactional
    @RolesAllowed("product-owner")
    @Operation(summary = "Issues of your product areas, most recently complained about first")
    @APIResponse(responseCode = "200", description = "The issues, with counts, trend, affected customers and samples")
    public List<IssueView> list(
            @Parameter(
                            description = "Only issues in this status (detected, acknowledged, in-progress, resolved,"
                                    + " dismissed)")
                    @QueryParam("status")
                    String status) {
        IssueStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        return issues.inAreas(ownAreas(), wanted).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed("product-owner")
    @Operation(summary = "One issue of your product areas")
    @APIResponse(responseCode = "404", description = "No such issue")
    @APIResponse(responseCode = "403", description = "The issue is in another product area")
    public IssueView get(@PathParam("id") UUID id) {
        return view(service.owned(id, ownAreas()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed("product-owner")
    @Operation(summary = "Acknowledge a detected issue: you have seen it and own it")
    @APIResponse(responseCode = "409", description = "The issue is not in a state that can be acknowledged")
    public IssueView acknowledge(@PathParam("id") UUID id) {
        service.changeStatus(id, ownAreas(), username(), IssueStatus.ACKNOWLEDGED, null);
        return get(id);
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("product-owner")
    @Operation(summary = "Set the status (acknowledged, in-progress, dismissed); resolving has its own call")
    @APIResponse(responseCode = "400", description = "Unknown status, or resolved (use the resolve call)")
    @APIResponse(responseCode = "409", description = "The transition is not allowed from the current status")
    public IssueView setStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        service.changeStatus(id, ownAreas(), username(), change.status(), change.note());
        return get(id);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("product-owner")
    @Operation(
            summary = "Resolve the issue: the message goes to the customer of every linked case, on their own channel")
    @APIResponse(responseCode = "409", description = "The issue is resolved or dismissed already")
    public IssueView resolve(@PathParam("id") UUID id, @Valid @NotNull Resolution resolution) {
        service.resolve(id, ownAreas(), username(), resolution.customerMessage().strip());
        return get(id);
    }

    private IssueView view(Issue issue) {
        Instant now = Instant.now(clock);
        long[] daily = issues.dailyCounts(issue.id, now, 7);
        long last = daily[6];
        long previous = daily[5];
        String direction = last > previous * 1.2 ? "rising" : last < previous * 0.8 ? "falling" : "steady";
        List<Long> dailyList = new ArrayList<>();
        for (long d : daily) {
            dailyList.add(d);
        }
        List<UUID> representative = state.grouper()
                .group(issue.groupId)
                .map(GroupSnapshot::sampleMessageIds)
                .orElse(List.of());
        List<StoredComplaint> newest = new ArrayList<>(complaints.ofIssue(issue.id, 3));
        java.util.Collections.reverse(newest);
        return new IssueView(
                issue.id,
                issue.productArea,
                issue.owner,
                issue.label,
                issue.termList(),
                issue.status,
                issue.complaintCount,
                issues.affectedCustomers(issue.id),
                issues.caseIds(issue.id).size(),
                new Trend(last, previous, dailyList, direction),
                service.samples(representative, newest, false),
                issue.firstSeenAt,
                issue.detectedAt,
                issue.lastComplaintAt,
                issue.resolvedAt,
                issue.resolvedBy,
                issue.customerMessage);
    }

    private static IssueStatus parseStatus(String status) {
        try {
            return IssueStatus.ofWire(status);
        } catch (IllegalArgumentException e) {
            throw io.webcare.contract.problem.ProblemException.badRequest(
                    "Unknown status '" + status + "'; use detected, acknowledged, in-progress, resolved or dismissed.");
        }
    }

    private String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getSubject();
    }

    /** The caller's product areas, from the token's {@code product_areas} claim (a list, or one string). */
    Set<String> ownAreas() {
        Object claim = token.getClaim(AREAS_CLAIM);
        Set<String> areas = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> areas.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> areas.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            areas.add(s.getString());
        } else if (claim instanceof String s) {
            areas.add(s);
        }
        return areas;
    }
}

package io.webcare.cases.cases;

import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.cases.replies.ReplyService;
import io.webcare.cases.replies.ReplyView;
import io.webcare.cases.satisfaction.SurveyService;
import io.webcare.contract.events.Channel;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agents' API on cases. Changes to a case carry the version the client last saw in {@code If-Match} (the ETag of
 * the case); a change made meanwhile by someone else answers 409 instead of being overwritten.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {
    private static final String IF_MATCH_DOC =
            "The case version you last saw (its ETag, e.g. \"3\"); required for changes to the case";

    private final CaseService cases;
    private final CaseQueries queries;
    private final ReplyService replies;
    private final SurveyService surveys;
    private final Caller caller;

    public CaseResource(
            CaseService cases, CaseQueries queries, ReplyService replies, SurveyService surveys, Caller caller) {
        this.cases = cases;
        this.queries = queries;
        this.replies = replies;
        this.surveys = surveys;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"agent", "team-lead", "analyst", "integration"})
    @Operation(
            summary = "A team's queue: the SLA due first, then priority, then oldest; or the case of one message",
            description = "Agents and team leads see their own team; analysts and the contact centre any team"
                    + " (all teams without ?team). Without ?status, the open cases (new, assigned, waiting).")
    @APIResponse(responseCode = "200", description = "One page of cases (items, page, size, total)")
    public CasePage list(
            @Parameter(description = "Only the case this message belongs to") @QueryParam("messageId") UUID messageId,
            @QueryParam("team") String team,
            @Parameter(description = "new, assigned, waiting, resolved, closed; repeatable") @QueryParam("status")
                    List<String> status,
            @QueryParam("channel") String channel,
            @QueryParam("priority") @Min(1) @Max(9) Integer priority,
            @QueryParam("language") String language,
            @QueryParam("tag") String tag,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (messageId != null) {
            List<CaseView> found = queries.byMessage(caller, messageId);
            return new CasePage(found, 0, size, found.size());
        }
        if (channel != null) {
            try {
                channel = Channel.fromWireName(channel).wireName();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown channel '" + channel + "'.");
            }
        }
        return queries.queue(caller, team, statuses(status), channel, priority, language, tag, page, size);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"agent", "team-lead", "analyst", "integration"})
    @Operation(summary = "One case with its messages, notes and replies; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case")
    public Response get(@PathParam("caseId") UUID caseId) {
        return withTag(queries.get(caller, caseId));
    }

    @GET
    @Path("/{caseId}/audit")
    @RolesAllowed({"agent", "team-lead", "analyst", "integration"})
    @Operation(summary = "The audit trail of a case: who did what, when")
    public List<AuditTrail.Entry> audit(@PathParam("caseId") UUID caseId) {
        return queries.audit(caller, caseId);
    }

    @POST
    @Path("/{caseId}/claim")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Claim a case of your team: it is assigned to you")
    @APIResponse(responseCode = "200", description = "The claimed case")
    @APIResponse(responseCode = "409", description = "Changed meanwhile, already someone else's, or not open")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response claim(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return changed(cases.claim(caller, caseId, version(ifMatch)));
    }

    @POST
    @Path("/{caseId}/assign")
    @RolesAllowed("team-lead")
    @Operation(summary = "Assign a case of your team to an agent (team leads)")
    @APIResponse(responseCode = "409", description = "Changed meanwhile, or not open")
    public Response assign(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Assign body) {
        return changed(cases.assign(caller, caseId, version(ifMatch), body.assignee()));
    }

    @POST
    @Path("/{caseId}/transfer")
    @RolesAllowed("team-lead")
    @Operation(
            summary = "Transfer a case to another team (team leads)",
            description = "The SLA clocks carry over unless switchSlaPolicy; the audit trail records it.")
    public Response transfer(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Transfer body) {
        return changed(
                cases.transfer(caller, caseId, version(ifMatch), body.toTeam(), body.reason(), body.switchSlaPolicy()));
    }

    @POST
    @Path("/{caseId}/waiting")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Mark the case waiting on the customer (the resolution clock pauses)")
    public Response waiting(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return changed(cases.waiting(caller, caseId, version(ifMatch)));
    }

    @POST
    @Path("/{caseId}/resolve")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(
            summary = "Resolve the case with a resolution code; first-time fix is worked out",
            description = "With askSatisfaction (default: webcare.cases.survey.ask-by-default) the configured"
                    + " satisfaction question for the case's channel and language goes to the customer as a reply of"
                    + " its own, in the same transaction; a reply that is just a score (\"4/5\", \"een 8\") is then"
                    + " recorded as their CSAT or NPS and does not reopen the case.")
    @APIResponse(responseCode = "200", description = "The resolved case")
    @APIResponse(responseCode = "400", description = "Unknown resolution code")
    @APIResponse(responseCode = "409", description = "Changed meanwhile, or not open")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response resolve(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Resolve body) {
        return changed(
                surveys.resolve(caller, caseId, version(ifMatch), body.resolutionCode(), body.askSatisfaction()));
    }

    @POST
    @Path("/{caseId}/reopen")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Reopen a resolved case within the reopen period")
    public Response reopen(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return changed(cases.reopen(caller, caseId, version(ifMatch)));
    }

    @POST
    @Path("/{caseId}/merge")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Merge this duplicate into another case of the team; it is closed, its messages move")
    public Response merge(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Merge body) {
        return changed(cases.merge(caller, caseId, version(ifMatch), body.intoCaseId()));
    }

    @PUT
    @Path("/{caseId}/tags")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Replace the tags of a case")
    public Response tags(
            @PathParam("caseId") UUID caseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Tags body) {
        return changed(cases.tag(caller, caseId, version(ifMatch), body.tags()));
    }

    @POST
    @Path("/{caseId}/notes")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(summary = "Add an internal note (never sent to the customer)")
    @APIResponse(responseCode = "201", description = "The note")
    public Response note(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseRequests.Note body) {
        CaseNote note = cases.note(caller, caseId, body.text());
        return Response.status(Response.Status.CREATED)
                .entity(new CaseView.NoteView(note.noteId, note.author, note.text, note.createdAt))
                .build();
    }

    @POST
    @Path("/{caseId}/replies")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(
            summary = "Reply to the customer, on their channel and thread",
            description = "Checked against the webcare rules first: blocking findings answer 422 with the findings and"
                    + " nothing is sent; warnings are stored with the reply. Delivery is reported on the reply.")
    @APIResponse(responseCode = "202", description = "Checked and handed over for delivery")
    @APIResponse(responseCode = "422", description = "Refused by the reply check (problem details with findings)")
    public Response reply(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseRequests.ReplyDraft body) {
        var reply = replies.reply(caller, caseId, body.text(), body.visibility());
        return Response.accepted(ReplyView.of(reply)).build();
    }

    @POST
    @Path("/{caseId}/satisfaction")
    @RolesAllowed({"integration", "agent", "team-lead"})
    @Operation(
            summary = "Record CSAT (1-5) or NPS (0-10) after resolution",
            description = "The contact centre (source contact-centre), or an agent of the team typing in what the"
                    + " customer answered (source customer-reply).")
    @APIResponse(responseCode = "201", description = "Recorded and published")
    @APIResponse(responseCode = "400", description = "A score outside the scale")
    @APIResponse(responseCode = "409", description = "The case is not resolved")
    public Response satisfaction(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CaseRequests.SatisfactionScore body) {
        Satisfaction recorded = cases.satisfaction(caller, caseId, body.scale(), body.score());
        return Response.status(Response.Status.CREATED)
                .entity(new SatisfactionView(
                        recorded.caseId, recorded.scale, recorded.score, recorded.source, recorded.recordedAt))
                .build();
    }

    public record SatisfactionView(UUID caseId, String scale, int score, String source, java.time.Instant recordedAt) {}

    private static List<CaseStatus> statuses(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .map(name -> {
                    try {
                        return CaseStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.badRequest(
                                "Unknown status '" + name + "'; one of new, assigned, waiting, resolved, closed.");
                    }
                })
                .toList();
    }

    private Response changed(SupportCase c) {
        return withTag(queries.detail(c));
    }

    private static Response withTag(CaseView view) {
        return Response.ok(view)
                .tag(new EntityTag(String.valueOf(view.version())))
                .build();
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; absent is null (the service asks for it). */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(
                    "If-Match must be the case's ETag (its version, e.g. \"3\"); got " + ifMatch + ".");
        }
    }
}

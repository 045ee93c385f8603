package io.webcare.cases.replies;

import io.webcare.cases.access.Caller;
import io.webcare.cases.replycheck.Finding;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reply check on its own: an agent checks a draft while writing it. */
@Path("/api/v1/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "replies")
public class ReplyResource {
    private final ReplyService replies;
    private final Caller caller;

    public ReplyResource(ReplyService replies, Caller caller) {
        this.replies = replies;
        this.caller = caller;
    }

    public record LintRequest(
            @NotNull @Size(max = 10_000) String text, @NotNull Channel channel, @NotNull Visibility visibility) {}

    public record LintResult(boolean blocked, List<Finding> findings) {}

    @POST
    @Path("/lint")
    @RolesAllowed({"agent", "team-lead"})
    @Operation(
            summary = "Check a draft reply against the webcare rules without sending it",
            description = "Each finding names the rule, its configured severity and the words; blocked is true when"
                    + " sending it would be refused.")
    public LintResult lint(@Valid @NotNull LintRequest draft) {
        List<Finding> findings = replies.lint(caller, draft.text(), draft.channel(), draft.visibility());
        return new LintResult(findings.stream().anyMatch(Finding::blocking), findings);
    }
}

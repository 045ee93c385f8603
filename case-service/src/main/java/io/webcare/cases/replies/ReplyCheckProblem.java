package io.webcare.cases.replies;

import io.webcare.cases.replycheck.Finding;
import io.webcare.contract.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 9457 problem details for a refused reply (422), with the findings as an extension member. */
public record ReplyCheckProblem(
        String type, String title, int status, String detail, String instance, List<Finding> findings) {
    public static final String TYPE = "https://webcare.io/problems/reply-check";

    public static class Mapper {
        @ServerExceptionMapper
        public Response refused(ReplyRefusedException e) {
            return Response.status(422)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new ReplyCheckProblem(
                            TYPE, "Unprocessable Content", 422, e.getMessage(), null, e.findings()))
                    .build();
        }
    }
}

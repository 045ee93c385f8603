package io.webcare.cases.replies;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.webcare.cases.replycheck.Finding;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply as the agent sees it: its delivery status, why it failed, and the warnings it was sent with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyView(
        UUID replyId,
        UUID caseId,
        String kind,
        String agent,
        String text,
        String channel,
        String visibility,
        String status,
        List<Finding> warnings,
        String failureReason,
        String failureDetail,
        boolean firstResponse,
        Instant requestedAt,
        Instant deliveredAt,
        Instant failedAt) {

    public static ReplyView of(Reply r) {
        return new ReplyView(
                r.replyId,
                r.caseId,
                r.kind,
                r.agent,
                r.text,
                r.channel,
                r.visibility,
                r.status,
                FindingsJson.read(r.warnings),
                r.failureReason,
                r.failureDetail,
                r.firstResponse,
                r.requestedAt,
                r.deliveredAt,
                r.failedAt);
    }
}

package io.webcare.cases.replies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A reply to a case's customer: an agent's, a follow-up when a feedback issue was fixed, or the satisfaction question
 * after a resolution.
 */
@Entity
@Table(name = "reply")
public class Reply {
    public static final String AGENT = "agent";
    public static final String FOLLOW_UP = "follow-up";
    /** The satisfaction question after a resolution. */
    public static final String SURVEY = "survey";

    public static final String REQUESTED = "requested";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String agent;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String visibility;

    @Column(nullable = false)
    public String status;

    /** The reply check's warnings, as JSON: stored with the reply so a team lead can see what was sent anyway. */
    @Column(nullable = false, columnDefinition = "text")
    public String warnings = "[]";

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "failure_detail", columnDefinition = "text")
    public String failureDetail;

    @Column(name = "platform_message_id")
    public String platformMessageId;

    @Column(name = "first_response", nullable = false)
    public boolean firstResponse;

    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;
}

package io.webcare.cases.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification in a team's team-lead inbox: a case of the team was escalated by an SLA warning or breach. Any team
 * lead of the team may read it; who marked it read is kept.
 */
@Entity
@Table(name = "team_lead_notification")
public class TeamLeadNotification {
    public static final String SLA_WARNING = "sla-warning";
    public static final String SLA_BREACH = "sla-breach";

    @Id
    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(nullable = false)
    public String team;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** {@link #SLA_WARNING} or {@link #SLA_BREACH}. */
    @Column(nullable = false)
    public String kind;

    /** The SLA clock: first-response, next-response, resolution, reply-window. */
    @Column(nullable = false)
    public String clock;

    /** The escalation level the case reached. */
    @Column(nullable = false)
    public int level;

    /** A warning's threshold (two warnings of one clock are two notifications); 0 for a breach. */
    @Column(name = "threshold_percent", nullable = false)
    public int thresholdPercent;

    /** The case's priority after the escalation. */
    @Column(nullable = false)
    public int priority;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "read_by")
    public String readBy;

    /** When the webhook is next tried; null when no webhook is configured (or nothing is left to send). */
    @Column(name = "webhook_next_at")
    public Instant webhookNextAt;

    @Column(name = "webhook_attempts", nullable = false)
    public int webhookAttempts;

    @Column(name = "webhook_delivered_at")
    public Instant webhookDeliveredAt;

    @Column(name = "webhook_failed_at")
    public Instant webhookFailedAt;

    @Column(name = "webhook_last_error")
    public String webhookLastError;
}

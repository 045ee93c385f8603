package io.webcare.cases.notifications;

import java.time.Instant;
import java.util.UUID;

/** A team-lead notification as the inbox shows it. */
public record NotificationView(
        UUID notificationId,
        String team,
        UUID caseId,
        String kind,
        String clock,
        int level,
        Integer thresholdPercent,
        int priority,
        String reason,
        Instant createdAt,
        boolean read,
        Instant readAt,
        String readBy) {
    static NotificationView of(TeamLeadNotification n) {
        return new NotificationView(
                n.notificationId,
                n.team,
                n.caseId,
                n.kind,
                n.clock,
                n.level,
                TeamLeadNotification.SLA_WARNING.equals(n.kind) ? n.thresholdPercent : null,
                n.priority,
                n.reason,
                n.createdAt,
                n.readAt != null,
                n.readAt,
                n.readBy);
    }
}

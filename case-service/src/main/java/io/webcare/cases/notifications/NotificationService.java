package io.webcare.cases.notifications;

import io.webcare.cases.access.Caller;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The team leads' inbox: filled with each SLA escalation (in its transaction), read and marked read over REST. */
@ApplicationScoped
public class NotificationService {
    private final NotificationRepository notifications;
    private final NotificationWebhook webhook;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, NotificationWebhook webhook, Clock clock) {
        this.notifications = notifications;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** The signal that escalates a case: a warning (with its threshold) or a breach, of one clock at one level. */
    public record Signal(UUID caseId, String clock, String kind, int level, int thresholdPercent) {}

    /** True when this signal escalated its case before: a re-sent warning or breach changes nothing twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notifiedBefore(Signal signal) {
        return notifications.exists(
                signal.caseId(), signal.clock(), signal.kind(), signal.level(), signal.thresholdPercent());
    }

    /** Puts the escalation in the team's team-lead inbox, in the escalation's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyTeamLeads(Signal signal, String team, int priority, String reason) {
        var notification = new TeamLeadNotification();
        notification.notificationId = UUID.randomUUID();
        notification.team = team;
        notification.caseId = signal.caseId();
        notification.kind = signal.kind();
        notification.clock = signal.clock();
        notification.level = signal.level();
        notification.thresholdPercent = signal.thresholdPercent();
        notification.priority = priority;
        notification.reason = reason;
        notification.createdAt = Instant.now(clock);
        // The row is the webhook's outbox: sent once this transaction has committed, never for one rolled back.
        notification.webhookNextAt = webhook.enabled() ? notification.createdAt : null;
        notifications.persist(notification);
    }

    /** A team lead's inbox: their own team's notifications, unread first. */
    @Transactional
    public NotificationPage inbox(Caller caller, String team, boolean unreadOnly, int page, int size) {
        String own = caller.team();
        if (team != null && !team.equals(own)) {
            throw ProblemException.forbidden("You may only read your own team's notifications (" + own + ").");
        }
        List<NotificationView> items = notifications.inbox(own, unreadOnly, page, size).stream()
                .map(NotificationView::of)
                .toList();
        return new NotificationPage(
                items, page, size, notifications.countInbox(own, unreadOnly), notifications.countInbox(own, true));
    }

    /** Marks a notification of the caller's team read; marking it again keeps the first reader. */
    @Transactional
    public NotificationView markRead(Caller caller, UUID notificationId) {
        TeamLeadNotification notification = notifications
                .findByIdOptional(notificationId)
                .orElseThrow(() -> ProblemException.notFound("No notification " + notificationId + "."));
        if (!notification.team.equals(caller.team())) {
            throw ProblemException.forbidden("This notification belongs to another team.");
        }
        if (notification.readAt == null) {
            notification.readAt = Instant.now(clock);
            notification.readBy = caller.name();
        }
        return NotificationView.of(notification);
    }
}

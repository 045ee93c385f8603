package io.webcare.cases.notifications;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<TeamLeadNotification, UUID> {
    /** True when this escalation signal was notified before (a re-sent warning or breach). */
    public boolean exists(UUID caseId, String clock, String kind, int level, int thresholdPercent) {
        return count(
                        "caseId = ?1 and clock = ?2 and kind = ?3 and level = ?4 and thresholdPercent = ?5",
                        caseId,
                        clock,
                        kind,
                        level,
                        thresholdPercent)
                > 0;
    }

    /** A team's inbox: unread first, then the newest. */
    public List<TeamLeadNotification> inbox(String team, boolean unreadOnly, int page, int size) {
        return find(inboxQuery(unreadOnly), team).page(Page.of(page, size)).list();
    }

    public long countInbox(String team, boolean unreadOnly) {
        return count(unreadOnly ? "team = ?1 and readAt is null" : "team = ?1", team);
    }

    private static String inboxQuery(boolean unreadOnly) {
        return unreadOnly
                ? "team = ?1 and readAt is null order by createdAt desc, notificationId"
                : "team = ?1 order by case when readAt is null then 0 else 1 end, createdAt desc, notificationId";
    }
}

package io.webcare.routing.boomerang;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecentCaseRepository implements PanacheRepositoryBase<RecentCase, UUID> {
    /** The customer's cases (by customer or conversation) resolved since {@code since}, newest first. */
    public List<RecentCase> resolvedSince(String customerKey, String conversationKey, Instant since) {
        return find(
                        "(customerKey = ?1 or conversationKey = ?2) and resolvedAt >= ?3 order by resolvedAt desc",
                        customerKey,
                        conversationKey,
                        since)
                .list();
    }
}

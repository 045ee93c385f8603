package io.webcare.feedback.complaints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StoredComplaintRepository implements PanacheRepositoryBase<StoredComplaint, UUID> {

    public long countInGroupSince(UUID groupId, Instant since) {
        return count("groupId = ?1 and receivedAt >= ?2", groupId, since);
    }

    public List<StoredComplaint> inGroupSince(UUID groupId, Instant since) {
        return list("groupId = ?1 and receivedAt >= ?2 order by receivedAt", groupId, since);
    }

    public List<StoredComplaint> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("messageId in ?1", ids);
    }

    public List<StoredComplaint> ofIssue(UUID issueId, int limit) {
        return find("issueId = ?1 order by receivedAt desc", issueId)
                .page(0, limit)
                .list();
    }

    /** Complaints about a topic received in [from, to), newest first. */
    public List<StoredComplaint> aboutTopic(String topic, Instant from, Instant to, int limit) {
        return find(
                        "receivedAt >= ?1 and receivedAt < ?2 and (topics = ?3 or topics like ?4 or topics like ?5"
                                + " or topics like ?6) order by receivedAt desc",
                        from,
                        to,
                        topic,
                        topic + ",%",
                        "%," + topic,
                        "%," + topic + ",%")
                .page(0, limit)
                .list();
    }

    /** Stored complaints received since {@code since}, oldest first, a page at a time (rebuild on start). */
    public List<StoredComplaint> since(Instant since, int page, int pageSize) {
        return find("receivedAt >= ?1 order by receivedAt, messageId", since)
                .page(page, pageSize)
                .list();
    }

    public Optional<StoredComplaint> byMessage(UUID messageId) {
        return findByIdOptional(messageId);
    }
}

package io.webcare.feedback.issues;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<Issue, UUID> {

    /** The group's latest issue, open or closed. */
    public Optional<Issue> latestOfGroup(UUID groupId) {
        return find("groupId = ?1 order by detectedAt desc", groupId).firstResultOptional();
    }

    public List<Issue> openIssues() {
        return list("status not in ?1", List.of(IssueStatus.RESOLVED, IssueStatus.DISMISSED));
    }

    public List<Issue> inAreas(Collection<String> areas, IssueStatus status) {
        if (areas.isEmpty()) {
            return List.of();
        }
        return status == null
                ? list("productArea in ?1 order by lastComplaintAt desc", areas)
                : list("productArea in ?1 and status = ?2 order by lastComplaintAt desc", areas, status);
    }

    /** Links a case to an issue; returns false if it was linked already. */
    public boolean link(UUID issueId, UUID caseId) {
        return getEntityManager()
                        .createNativeQuery("insert into issue_case (issue_id, case_id) values (:i, :c)"
                                + " on conflict do nothing")
                        .setParameter("i", issueId)
                        .setParameter("c", caseId)
                        .executeUpdate()
                > 0;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> caseIds(UUID issueId) {
        return getEntityManager()
                .createNativeQuery("select case_id from issue_case where issue_id = :i order by case_id", UUID.class)
                .setParameter("i", issueId)
                .getResultList();
    }

    public void mergeCase(UUID from, UUID into) {
        getEntityManager()
                .createNativeQuery("insert into issue_case (issue_id, case_id) select issue_id, :into from issue_case"
                        + " where case_id = :from on conflict do nothing")
                .setParameter("into", into)
                .setParameter("from", from)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("delete from issue_case where case_id = :from")
                .setParameter("from", from)
                .executeUpdate();
    }

    /** Distinct customers (author handles per channel) who complained about the issue. */
    public long affectedCustomers(UUID issueId) {
        return ((Number) getEntityManager()
                        .createNativeQuery("select count(distinct channel || ':' || coalesce(author, message_id::text))"
                                + " from complaint where issue_id = :i")
                        .setParameter("i", issueId)
                        .getSingleResult())
                .longValue();
    }

    /** Complaints of the issue per day, for the last {@code days} days up to {@code now}, oldest first. */
    public long[] dailyCounts(UUID issueId, Instant now, int days) {
        long[] counts = new long[days];
        Instant from = now.minus(java.time.Duration.ofDays(days));
        @SuppressWarnings("unchecked")
        List<Instant> times = getEntityManager()
                .createNativeQuery(
                        "select received_at from complaint where issue_id = :i and received_at > :from", Instant.class)
                .setParameter("i", issueId)
                .setParameter("from", from)
                .getResultList();
        for (Instant at : times) {
            int day = (int) java.time.Duration.between(from, at).toDays();
            if (day >= 0 && day < days) {
                counts[day]++;
            }
        }
        return counts;
    }
}

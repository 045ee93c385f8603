package io.webcare.cases.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<SupportCase, UUID> {
    private static final List<CaseStatus> DONE = List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED);

    Optional<SupportCase> findOpenByConversation(String conversationKey) {
        return find(
                        "conversationKey = :key and status not in :closed",
                        Parameters.with("key", conversationKey).and("closed", DONE))
                .firstResultOptional();
    }

    /** The most recently resolved case of a conversation that is still resolved (not closed). */
    Optional<SupportCase> latestResolvedInConversation(String conversationKey) {
        return find(
                        "conversationKey = ?1 and status = ?2 order by resolvedAt desc",
                        conversationKey,
                        CaseStatus.RESOLVED)
                .firstResultOptional();
    }

    /**
     * Cases of this customer (by profile or by any of its linked identities, written as {@code kind:value}) resolved
     * since {@code since}, latest first: the candidates for a boomerang.
     */
    List<SupportCase> resolvedSince(UUID customerId, List<String> identities, Instant since) {
        String byIdentity = identities.isEmpty()
                ? ""
                : " or exists (select 1 from CaseMessage m where m.caseId = c.caseId"
                        + " and concat(m.identityKind, ':', m.identityValue) in :identities)";
        var query = getEntityManager()
                .createQuery(
                        "select c from SupportCase c where c.resolvedAt >= :since and c.mergedInto is null"
                                + " and (c.customerId = :customer" + byIdentity + ") order by c.resolvedAt desc",
                        SupportCase.class)
                .setParameter("since", since)
                .setParameter("customer", customerId);
        if (!identities.isEmpty()) {
            query.setParameter("identities", identities);
        }
        return query.setMaxResults(20).getResultList();
    }

    List<SupportCase> resolvedBefore(Instant before, int max) {
        return find("status = ?1 and resolvedAt < ?2 order by resolvedAt", CaseStatus.RESOLVED, before)
                .page(Page.ofSize(max))
                .list();
    }

    public List<SupportCase> customerCases(UUID customerId, List<String> identities) {
        String byIdentity = identities.isEmpty()
                ? ""
                : " or exists (select 1 from CaseMessage m where m.caseId = c.caseId"
                        + " and concat(m.identityKind, ':', m.identityValue) in :identities)";
        var query = getEntityManager()
                .createQuery(
                        "select c from SupportCase c where c.customerId = :customer" + byIdentity
                                + " order by c.openedAt desc",
                        SupportCase.class)
                .setParameter("customer", customerId);
        if (!identities.isEmpty()) {
            query.setParameter("identities", identities);
        }
        return query.setMaxResults(200).getResultList();
    }

    /** One page of a queue: most urgent SLA due time first, then priority, then oldest. */
    QueuePage queue(QueueFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (filter.team() != null) {
            where.append(" and c.team = :team");
            parameters.put("team", filter.team());
        }
        where.append(" and c.status in :statuses");
        parameters.put("statuses", filter.statuses());
        if (filter.channel() != null) {
            where.append(" and c.channel = :channel");
            parameters.put("channel", filter.channel());
        }
        if (filter.priority() != null) {
            where.append(" and c.priority = :priority");
            parameters.put("priority", filter.priority());
        }
        if (filter.language() != null) {
            where.append(" and c.language = :language");
            parameters.put("language", filter.language());
        }
        if (filter.tag() != null) {
            where.append(" and :tag member of c.tags");
            parameters.put("tag", filter.tag());
        }
        var em = getEntityManager();
        var rows = em.createQuery(
                        "select c, d.dueAt from SupportCase c left join SlaDue d on d.caseId = c.caseId" + where
                                + " order by d.dueAt asc nulls last, c.priority asc, c.openedAt asc, c.caseId",
                        Object[].class)
                .setFirstResult(page * size)
                .setMaxResults(size);
        var count = em.createQuery("select count(c) from SupportCase c" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QueueRow> items = new ArrayList<>();
        for (Object[] row : rows.getResultList()) {
            items.add(new QueueRow((SupportCase) row[0], (Instant) row[1]));
        }
        return new QueuePage(items, count.getSingleResult());
    }

    record QueueFilter(
            String team, List<CaseStatus> statuses, String channel, Integer priority, String language, String tag) {}

    record QueueRow(SupportCase supportCase, Instant slaDueAt) {}

    record QueuePage(List<QueueRow> rows, long total) {}
}

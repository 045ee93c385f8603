package io.webcare.cases.replies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, UUID> {
    public List<Reply> ofCase(UUID caseId) {
        return list("caseId = ?1 order by requestedAt", caseId);
    }

    /** The agent's most recent replies, newest first (the reply check's view of their habits). */
    public List<String> recentTexts(String agent, int count) {
        return find("agent = ?1 and kind = ?2 order by requestedAt desc", agent, Reply.AGENT)
                .page(Page.ofSize(count))
                .list()
                .stream()
                .map(r -> r.text)
                .toList();
    }

    public boolean anyDelivered(UUID caseId) {
        return count("caseId = ?1 and status = ?2 and kind = ?3", caseId, Reply.DELIVERED, Reply.AGENT) > 0;
    }

    public boolean followUpSent(UUID issueId, UUID caseId) {
        return count("issueId = ?1 and caseId = ?2", issueId, caseId) > 0;
    }
}

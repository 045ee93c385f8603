package io.webcare.cases.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<SupportCase, UUID> {

    Optional<SupportCase> findOpenByConversation(String conversationKey) {
        return find(
                        "conversationKey = :key and status not in :closed",
                        Parameters.with("key", conversationKey)
                                .and("closed", List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED)))
                .firstResultOptional();
    }

    /** A team's queue: most urgent first, then oldest first. */
    List<SupportCase> queue(String team, CaseStatus status, Page page) {
        String query =
                "team = :team" + (status == null ? "" : " and status = :status") + " order by priority, openedAt";
        Parameters parameters = Parameters.with("team", team);
        if (status != null) {
            parameters.and("status", status);
        }
        return find(query, parameters).page(page).list();
    }
}

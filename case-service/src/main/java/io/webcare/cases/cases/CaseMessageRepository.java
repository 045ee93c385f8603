package io.webcare.cases.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseMessageRepository implements PanacheRepositoryBase<CaseMessage, UUID> {
    public List<CaseMessage> ofCase(UUID caseId) {
        return list("caseId = ?1 order by receivedAt", caseId);
    }

    /** The customer's latest message of a case: the one a reply answers. */
    public Optional<CaseMessage> latestOf(UUID caseId) {
        return find("caseId = ?1 order by sentAt desc, receivedAt desc", caseId).firstResultOptional();
    }

    /** Every message written by these identities ({@code kind:value}), oldest first. */
    public List<CaseMessage> byIdentities(List<String> identities) {
        if (identities.isEmpty()) {
            return List.of();
        }
        return list("concat(identityKind, ':', identityValue) in ?1 order by sentAt", identities);
    }

    void moveToCase(UUID fromCaseId, UUID toCaseId) {
        update("caseId = ?1 where caseId = ?2", toCaseId, fromCaseId);
    }
}

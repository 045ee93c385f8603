package io.webcare.cases.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseMessageRepository implements PanacheRepositoryBase<CaseMessage, UUID> {
    List<CaseMessage> ofCase(UUID caseId) {
        return list("caseId = ?1 order by receivedAt", caseId);
    }
}

package io.webcare.cases.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, UUID> {
    List<CaseNote> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt", caseId);
    }

    void moveToCase(UUID fromCaseId, UUID toCaseId) {
        update("caseId = ?1 where caseId = ?2", toCaseId, fromCaseId);
    }
}

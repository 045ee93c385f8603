package io.webcare.sla.clocks;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseClockRepository implements PanacheRepositoryBase<CaseClock, ClockId> {
    List<CaseClock> ofCase(UUID caseId) {
        return list("id.caseId = ?1 order by id.clock", caseId);
    }
}

package io.webcare.cases.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes and reads the audit trail; entries are written in the transaction of the change they record. */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEntry, UUID> {
    public static final String CASE = "case";
    public static final String CUSTOMER = "customer";

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subjectType, UUID subjectId, String action, String actor, String detail) {
        var entry = new AuditEntry();
        entry.entryId = UUID.randomUUID();
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.action = action;
        entry.actor = actor;
        entry.detail = detail;
        entry.at = Instant.now(clock);
        persist(entry);
    }

    public List<AuditEntry> of(String subjectType, UUID subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by at, entryId", subjectType, subjectId);
    }

    public record Entry(String action, String actor, String detail, Instant at) {
        public static Entry of(AuditEntry e) {
            return new Entry(e.action, e.actor, e.detail, e.at);
        }
    }
}

package io.webcare.sla.clocks;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseClockRepository implements PanacheRepositoryBase<CaseClock, ClockId> {
    List<CaseClock> ofCase(UUID caseId) {
        return list("id.caseId = ?1 order by id.clock", caseId);
    }

    /**
     * The clocks of a case, locked until the transaction ends: a case event and the scheduler never change one clock
     * at once (the scheduler skips locked rows; a case event waits for the scheduler's round and reads its outcome).
     */
    List<CaseClock> ofCaseForUpdate(UUID caseId) {
        return find("id.caseId = ?1 order by id.clock", caseId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Up to {@code limit} clocks with a threshold due at {@code now}, earliest first, locked for this transaction. Rows
     * another instance holds are skipped, not waited for: two schedulers share the work and never announce one
     * threshold twice.
     */
    @SuppressWarnings("unchecked")
    List<CaseClock> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from sla_clock where next_due_at <= ?1"
                                + " and (held_until is null or held_until <= ?1)"
                                + " order by next_due_at limit ?2 for update skip locked",
                        CaseClock.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** One clock, locked, if it is still due and not held (another instance may have announced it meanwhile). */
    @SuppressWarnings("unchecked")
    List<CaseClock> lockIfDue(ClockId id, Instant now) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from sla_clock where case_id = ?1 and clock = ?2 and next_due_at <= ?3"
                                + " and (held_until is null or held_until <= ?3) for update skip locked",
                        CaseClock.class)
                .setParameter(1, id.caseId())
                .setParameter(2, id.clock().name())
                .setParameter(3, now)
                .getResultList();
    }
}

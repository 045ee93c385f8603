package io.webcare.contract.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {
    // Any fixed number works: each service has its own database, so the lock is per service.
    private static final long RELAY_LOCK = 0x77656263617265L;

    /**
     * Only one instance of a service relays at a time, so events leave in position order. Events of one key are
     * written by one consumer in sequence (the key's partition), so their positions follow their order.
     */
    boolean tryBecomeRelay() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
    }

    List<OutboxEvent> oldest(int max) {
        return find("order by position").page(0, max).list();
    }

    /**
     * Deletes exactly the events that were sent. Not "everything up to the last position": identity values are taken
     * at insert but become visible at commit, so a lower position can commit after a batch was read.
     */
    void deleteSent(List<Long> positions) {
        delete("position in ?1", positions);
    }

    long backlog() {
        return count();
    }
}

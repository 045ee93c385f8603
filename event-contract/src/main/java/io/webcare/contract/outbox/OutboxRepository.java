package io.webcare.contract.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {
    // Any fixed number works: each service has its own database, so the lock is per service.
    private static final long RELAY_LOCK = 0x77656263617265L;

    /** Only one instance of a service relays at a time, so events leave in commit order. */
    boolean tryBecomeRelay() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
    }

    List<OutboxEvent> oldest(int max) {
        return find("order by position").page(0, max).list();
    }

    void deleteUpTo(long position) {
        delete("position <= ?1", position);
    }

    long backlog() {
        return count();
    }
}

package io.webcare.contract.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Makes a consumer idempotent: an event id is recorded in the same transaction as the effect it causes, so an event
 * delivered twice (a redelivery after a crash, a relay re-send) changes nothing the second time.
 */
@ApplicationScoped
public class ProcessedEventRepository {
    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every later delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = entityManager
                .createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, now())"
                                + " on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate();
        return inserted == 1;
    }
}

package io.webcare.feedback.complaints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which case a message belongs to, as case-service announced it (its own small table, no entity). */
@ApplicationScoped
public class MessageCaseRepository {
    private final EntityManager em;

    public MessageCaseRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises the two ways a complaint meets its case (the routed message and the case event arrive on two
     * consumers at once): each takes this lock first, so the second sees what the first committed.
     */
    public void lock(UUID messageId) {
        lockUntilCommit(messageId.getMostSignificantBits() ^ messageId.getLeastSignificantBits());
    }

    /**
     * Serialises everything that links a group's complaints to its issue: detecting the issue (which takes in every
     * complaint of the group) and a case arriving for one of those complaints. Without it a case that arrives while
     * the issue is being detected sees the complaint without its issue and is never linked. Always taken after the
     * message lock, in both paths, so the two cannot deadlock.
     */
    public void lockGroup(UUID groupId) {
        lockUntilCommit(~(groupId.getMostSignificantBits() ^ groupId.getLeastSignificantBits())); // apart from messages
    }

    private void lockUntilCommit(long key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:k)) l")
                .setParameter("k", key)
                .getSingleResult();
    }

    /** Records the message's case; returns false if it was known already. */
    public boolean remember(UUID messageId, UUID caseId) {
        return em.createNativeQuery("insert into message_case (message_id, case_id) values (:m, :c)"
                                + " on conflict (message_id) do nothing")
                        .setParameter("m", messageId)
                        .setParameter("c", caseId)
                        .executeUpdate()
                > 0;
    }

    public Optional<UUID> caseOf(UUID messageId) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("select case_id from message_case where message_id = :m", UUID.class)
                .setParameter("m", messageId)
                .getResultList();
        return found.stream().findFirst();
    }

    /** A merged case's messages now belong to the case it was merged into. */
    public void merge(UUID from, UUID into) {
        em.createNativeQuery("update message_case set case_id = :into where case_id = :from")
                .setParameter("into", into)
                .setParameter("from", from)
                .executeUpdate();
        em.createNativeQuery("update complaint set case_id = :into where case_id = :from")
                .setParameter("into", into)
                .setParameter("from", from)
                .executeUpdate();
    }
}

package io.webcare.ingest.replies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReplyDeliveryRepository implements PanacheRepositoryBase<ReplyDelivery, UUID> {

    /** Claims the reply id; false when the reply was handled (or is being handled) before. */
    boolean claim(ReplyDelivery delivery) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into reply_delivery (reply_id, case_id, conversation_key, channel, state,"
                        + " attempts, started_at) values (:id, :caseId, :key, :channel, :state, 0, :at)"
                        + " on conflict (reply_id) do nothing")
                .setParameter("id", delivery.replyId)
                .setParameter("caseId", delivery.caseId)
                .setParameter("key", delivery.conversationKey)
                .setParameter("channel", delivery.channel)
                .setParameter("state", delivery.state)
                .setParameter("at", delivery.startedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** Replies left "sending" since before {@code cutoff}, locked for this transaction (skipping ones others hold). */
    @SuppressWarnings("unchecked")
    List<ReplyDelivery> staleSending(Instant cutoff, int max) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from reply_delivery where state = 'sending' and started_at < :cutoff"
                                + " order by started_at limit :max for update skip locked",
                        ReplyDelivery.class)
                .setParameter("cutoff", cutoff)
                .setParameter("max", max)
                .getResultList();
    }
}

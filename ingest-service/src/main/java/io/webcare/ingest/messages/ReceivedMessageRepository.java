package io.webcare.ingest.messages;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReceivedMessageRepository implements PanacheRepositoryBase<ReceivedMessage, UUID> {

    /**
     * Claims the delivery key; false when another request (another replica, a platform retry) already holds it. The
     * unique constraint decides, so this holds with any number of instances.
     */
    boolean claim(ReceivedMessage message) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into received_message (message_id, channel, account_id, external_id,"
                        + " conversation_key, received_at) values (:id, :channel, :account, :external, :conversation,"
                        + " :at) on conflict (channel, account_id, external_id) do nothing")
                .setParameter("id", message.messageId)
                .setParameter("channel", message.channel)
                .setParameter("account", message.accountId)
                .setParameter("external", message.externalId)
                .setParameter("conversation", message.conversationKey)
                .setParameter("at", message.receivedAt)
                .executeUpdate();
        return inserted == 1;
    }

    Optional<ReceivedMessage> findDelivery(String channel, String accountId, String externalId) {
        return find("channel = ?1 and accountId = ?2 and externalId = ?3", channel, accountId, externalId)
                .firstResultOptional();
    }
}

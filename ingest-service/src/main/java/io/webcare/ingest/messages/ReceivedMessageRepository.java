package io.webcare.ingest.messages;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.webcare.contract.ids.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The delivery keys received so far. Written and read set-wise (one statement for a whole batch of deliveries, plain
 * JDBC on the transaction's connection), because a round trip per message was what limited ingest.
 */
@ApplicationScoped
public class ReceivedMessageRepository implements PanacheRepositoryBase<ReceivedMessage, UUID> {

    /**
     * Claims the delivery keys; returns the message ids of the deliveries that got theirs. A key another request
     * (another replica, a platform retry, an earlier line of the same batch) already holds is not claimed again: the
     * unique constraint decides, so this holds with any number of instances. Keys are inserted in key order, so two
     * transactions claiming overlapping keys wait for each other instead of deadlocking.
     */
    Set<UUID> claimAll(List<ReceivedMessage> deliveries, Instant receivedAt) {
        return jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into received_message"
                    + " (message_id, channel, account_id, external_id, conversation_key, received_at)"
                    + " select d.id, d.channel, d.account, d.external, d.conversation, ?"
                    + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                    + " as d(id, channel, account, external, conversation, n)"
                    + " order by d.channel, d.account, d.external, d.n"
                    + " on conflict (channel, account_id, external_id) do nothing returning message_id")) {
                insert.setObject(1, receivedAt.atOffset(ZoneOffset.UTC));
                insert.setArray(2, uuids(connection, deliveries));
                insert.setArray(3, texts(connection, deliveries, d -> d.channel));
                insert.setArray(4, texts(connection, deliveries, d -> d.accountId));
                insert.setArray(5, texts(connection, deliveries, d -> d.externalId));
                insert.setArray(6, texts(connection, deliveries, d -> d.conversationKey));
                Set<UUID> claimed = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
                return claimed;
            }
        });
    }

    /** The first deliveries of these keys (as stored), by {@link #key}. */
    Map<String, ReceivedMessage> findDeliveries(List<ReceivedMessage> keys) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select r.message_id, r.channel, r.account_id, r.external_id, r.conversation_key"
                            + " from received_message r"
                            + " join unnest(?::text[], ?::text[], ?::text[]) as k(channel, account, external)"
                            + " on r.channel = k.channel and r.account_id = k.account and r.external_id = k.external")) {
                select.setArray(1, texts(connection, keys, d -> d.channel));
                select.setArray(2, texts(connection, keys, d -> d.accountId));
                select.setArray(3, texts(connection, keys, d -> d.externalId));
                Map<String, ReceivedMessage> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        var first = new ReceivedMessage();
                        first.messageId = rows.getObject(1, UUID.class);
                        first.channel = rows.getString(2);
                        first.accountId = rows.getString(3);
                        first.externalId = rows.getString(4);
                        first.conversationKey = rows.getString(5);
                        found.put(key(first), first);
                    }
                }
                return found;
            }
        });
    }

    /**
     * Forgets up to {@code max} delivery keys received before {@code cutoff}; returns how many. Walks the primary key
     * from its low end (message ids are time-ordered, so the oldest keys come first) instead of needing an index on
     * the receive time, which would cost every insert.
     */
    @Transactional
    int forgetReceivedBefore(Instant cutoff, int max) {
        return jdbc(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from received_message where message_id"
                    + " in (select message_id from received_message where message_id < ? and received_at < ?"
                    + " order by message_id limit ?)")) {
                delete.setObject(1, TimeOrderedIds.lowestAt(cutoff));
                delete.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
                delete.setInt(3, max);
                return delete.executeUpdate();
            }
        });
    }

    /** The delivery key as one string (the parts cannot contain NUL, which separates them). */
    static String key(ReceivedMessage delivery) {
        return delivery.channel + '\u0000' + delivery.accountId + '\u0000' + delivery.externalId;
    }

    private <T> T jdbc(SqlWork<T> work) {
        return getEntityManager().unwrap(Session.class).doReturningWork(work::run);
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static java.sql.Array uuids(Connection connection, List<ReceivedMessage> deliveries) throws SQLException {
        return connection.createArrayOf(
                "uuid", deliveries.stream().map(d -> d.messageId).toArray(UUID[]::new));
    }

    private static java.sql.Array texts(
            Connection connection, List<ReceivedMessage> deliveries, Function<ReceivedMessage, String> field)
            throws SQLException {
        return connection.createArrayOf("text", deliveries.stream().map(field).toArray(String[]::new));
    }
}

package io.webcare.contract.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {
    // Any fixed number works: each service has its own database, so the lock is per service.
    private static final long RELAY_LOCK = 0x77656263617265L;

    /**
     * Only one instance of a service relays at a time, so events leave in position order. Events of one key are
     * written by one consumer in sequence (the key's partition), so their positions follow their order. A session
     * lock on the relay's own connection: held while the relay has work (its rounds overlap, so no transaction spans
     * them), released when it runs dry or its connection breaks.
     */
    static boolean tryBecomeRelay(Connection connection) throws SQLException {
        return queryBoolean(connection, "select pg_try_advisory_lock(?)");
    }

    static void stopBeingRelay(Connection connection) throws SQLException {
        queryBoolean(connection, "select pg_advisory_unlock(?)");
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /**
     * Inserts events of one topic, type and source in one statement, positions following the list's order. The
     * caller's transaction holds the connection: this is plain JDBC on Hibernate's connection.
     */
    void insertAll(List<OutboxEvent> events, OffsetDateTime occurredAt) {
        String source = events.getFirst().source;
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                    + " (event_id, topic, event_key, event_type, source, occurred_at, payload)"
                    + " select e.id, e.topic, e.key, e.type, ?, ?, e.payload"
                    + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " with ordinality as e(id, topic, key, type, payload, n)"
                    + " order by e.n")) {
                insert.setString(1, source);
                insert.setObject(2, occurredAt);
                insert.setArray(
                        3,
                        connection.createArrayOf(
                                "uuid", events.stream().map(e -> e.eventId).toArray(UUID[]::new)));
                insert.setArray(4, texts(connection, events, e -> e.topic));
                insert.setArray(5, texts(connection, events, e -> e.key));
                insert.setArray(6, texts(connection, events, e -> e.type));
                insert.setArray(7, texts(connection, events, e -> e.payload));
                insert.executeUpdate();
            }
        });
    }

    private static Array texts(Connection connection, List<OutboxEvent> events, Function<OutboxEvent, String> field)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(field).toArray(String[]::new));
    }

    /**
     * The oldest events after position {@code after}, at most {@code max}, apart from those still on their way to the
     * broker, read with plain JDBC: the relay only reads them to send them, and loading them as managed entities (then
     * deleting through a query of one bind parameter per event) cost it more CPU than the sending.
     */
    static List<OutboxEvent> oldest(Connection connection, int max, long after, List<Long> inFlight)
            throws SQLException {
        return alongThePositionIndex(connection, () -> {
            try (PreparedStatement select = connection.prepareStatement("select position, event_id, topic, event_key,"
                    + " event_type, source, occurred_at, payload from outbox_event where position > ?"
                    + " and position <> all(?) order by position limit ?")) {
                select.setLong(1, after);
                select.setArray(2, connection.createArrayOf("bigint", inFlight.toArray(Long[]::new)));
                select.setInt(3, max);
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        var event = new OutboxEvent();
                        event.position = rows.getLong(1);
                        event.eventId = rows.getObject(2, UUID.class);
                        event.topic = rows.getString(3);
                        event.key = rows.getString(4);
                        event.type = rows.getString(5);
                        event.source = rows.getString(6);
                        event.occurredAt =
                                rows.getObject(7, OffsetDateTime.class).toInstant();
                        event.payload = rows.getString(8);
                        events.add(event);
                    }
                }
                return events;
            }
        });
    }

    /** The last position the table's identity sequence handed out (0 if none yet). */
    static long lastPositionTaken(Connection connection) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement("select coalesce(pg_sequence_last_value("
                        + "pg_get_serial_sequence('outbox_event', 'position')::regclass), 0)");
                ResultSet row = last.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many events wait after position {@code after}. */
    static long countAfter(Connection connection, long after) throws SQLException {
        return alongThePositionIndex(connection, () -> {
            try (PreparedStatement count =
                    connection.prepareStatement("select count(*) from outbox_event where position > ?")) {
                count.setLong(1, after);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Runs a statement of the relay's on its own connection (in autocommit otherwise) in a transaction where the
     * planner may only walk the position index. A queue table fools the planner: analysed when it had just run dry, with the
     * pages of the deleted rows not yet reclaimed, its statistics say "a handful of rows on thousands of pages", and a
     * read of the oldest events became a scan of the whole table and a sort, hundreds of milliseconds each, for as
     * long as the table was full again (up to the next analyse, a minute later). The relay fell behind by a hundred
     * thousand events that way. {@code set local} ends with the transaction, so the pooled connection goes back as it
     * came.
     */
    private static <T> T alongThePositionIndex(Connection connection, SqlRead<T> read) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_seqscan = off; set local enable_bitmapscan = off");
            }
            T result = read.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private interface SqlRead<T> {
        T run() throws SQLException;
    }

    /**
     * Deletes exactly the events that were sent. Not "everything up to the last position": identity values are taken
     * at insert but become visible at commit, so a lower position can commit after a batch was read.
     */
    static void deleteSent(Connection connection, List<Long> positions) throws SQLException {
        alongThePositionIndex(connection, () -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from outbox_event where position = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", positions.toArray(Long[]::new)));
                return delete.executeUpdate();
            }
        });
    }
}

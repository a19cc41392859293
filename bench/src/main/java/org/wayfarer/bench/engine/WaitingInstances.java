package org.wayfarer.bench.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;

/**
 * Makes many waiting instances cheaply, by SQL, from instances the engine created itself: each copy gets its own
 * contact (a copy of the seed's contact row) and shares the seed's trigger event, which a wake-up only reads. Every
 * column is copied as it is except the ids, the wake-up time and the timer lease, and the column lists are read from
 * the schema, so columns that later migrations add are copied too. Copies get ids from {@link #BASE} on, far above
 * any snowflake id, so they never collide with the engine's own.
 *
 * <p>Relies only on the {@code journey_instance} and {@code contact} tables of the first migration; goes through the
 * uncounted data source, so the bench's own SQL is not charged to the engine. Not thread-safe.
 */
final class WaitingInstances {

    /** 2^62: snowflake ids (milliseconds shifted by 22 bits) reach it only decades from now. */
    static final long BASE = 1L << 62;

    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final long journeyId;
    private final List<long[]> seeds;
    private final Copy cloneContact;
    private final Copy cloneInstance;

    WaitingInstances(DataSource dataSource, long journeyId) throws SQLException {
        this.dataSource = dataSource;
        this.journeyId = journeyId;
        this.seeds = seeds();
        if (seeds.isEmpty()) {
            throw new IllegalStateException("journey " + journeyId + " has no waiting instance to copy");
        }
        this.cloneContact = copySql("contact", Map.of("id", "CAST(? AS BIGINT)"));
        this.cloneInstance = copySql("journey_instance", Map.of("id", "CAST(? AS BIGINT)",
                "contact_id", "CAST(? AS BIGINT)", "wake_at", "CAST(? AS BIGINT)", "lease_owner", "NULL",
                "lease_until", "NULL"));
    }

    int seedCount() {
        return seeds.size();
    }

    /**
     * Inserts copies {@code first .. first+count-1} (ids {@code BASE + i}), copy {@code i} waking at
     * {@code wakeAt(i)} epoch milliseconds; commits every {@value #BATCH} rows.
     */
    void insert(long first, int count, IntToLongFunction wakeAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement contact = connection.prepareStatement(cloneContact.sql());
                 PreparedStatement instance = connection.prepareStatement(cloneInstance.sql())) {
                for (int i = 0; i < count; i++) {
                    long[] seed = seeds.get(i % seeds.size());
                    long id = BASE + first + i;
                    cloneContact.bind(contact, Map.of("id", id), seed[1]);
                    contact.addBatch();
                    cloneInstance.bind(instance, Map.of("id", id, "contact_id", id, "wake_at", wakeAt.applyAsLong(i)),
                            seed[0]);
                    instance.addBatch();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        contact.executeBatch();
                        instance.executeBatch();
                        connection.commit();
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Sets the wake-up time of copies {@code first .. first+count-1} to {@code wakeAt(i)}, in one transaction. */
    void reschedule(long first, int count, IntToLongFunction wakeAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE journey_instance SET wake_at = ? WHERE id = ? AND status = 'WAITING'")) {
                for (int i = 0; i < count; i++) {
                    update.setLong(1, wakeAt.applyAsLong(i));
                    update.setLong(2, BASE + first + i);
                    update.addBatch();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        update.executeBatch();
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Makes copies {@code first .. first+count-1} due at {@code wakeAt} with one statement and one commit. */
    void dueAt(long first, int count, long wakeAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE journey_instance SET wake_at = ? WHERE id BETWEEN ? AND ? AND status = 'WAITING'")) {
            update.setLong(1, wakeAt);
            update.setLong(2, BASE + first);
            update.setLong(3, BASE + first + count - 1);
            update.executeUpdate();
        }
    }

    /**
     * Pushes the copies of the range that are still waiting a year ahead, so that a run that gave up on them does not
     * leave them competing with the next one (a wake-up re-reads the instance and skips one no longer due). Best
     * effort, {@value #BATCH} rows per commit so as not to hold locks the engine waits for: a chunk that meets the
     * engine's own lock is left as it is.
     *
     * @return copies that could not be parked (their chunk met a lock)
     */
    int park(long first, int count, long wakeAt) {
        int missed = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE journey_instance SET wake_at = ? "
                     + "WHERE id BETWEEN ? AND ? AND status = 'WAITING' AND ended_at IS NULL")) {
            for (long from = first; from < first + count; from += BATCH) {
                long to = Math.min(first + count, from + BATCH) - 1;
                update.setLong(1, wakeAt);
                update.setLong(2, BASE + from);
                update.setLong(3, BASE + to);
                try {
                    update.executeUpdate();
                } catch (SQLException e) {
                    missed += (int) (to - from + 1);
                }
            }
        } catch (SQLException e) {
            return count;
        }
        return missed;
    }

    /** Copies of the range not yet resumed to their end (the journey exits right after the wait). */
    long remaining(long first, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM journey_instance WHERE id BETWEEN ? AND ? AND ended_at IS NULL")) {
            query.setLong(1, BASE + first);
            query.setLong(2, BASE + first + count - 1);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** When each copy of the range ended (epoch ms), indexed from {@code first}; 0 for copies still waiting. */
    long[] endedAt(long first, int count) throws SQLException {
        long[] ended = new long[count];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, ended_at FROM journey_instance WHERE id BETWEEN ? AND ? AND ended_at IS NOT NULL")) {
            query.setLong(1, BASE + first);
            query.setLong(2, BASE + first + count - 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ended[(int) (rows.getLong(1) - BASE - first)] = rows.getLong(2);
                }
            }
        }
        return ended;
    }

    private List<long[]> seeds() throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id, contact_id FROM journey_instance "
                     + "WHERE journey_id = ? AND status = 'WAITING' AND id < ? ORDER BY id")) {
            query.setLong(1, journeyId);
            query.setLong(2, BASE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
        }
        return out;
    }

    /**
     * {@code INSERT INTO table (every column) SELECT <override or the column> FROM table WHERE id = ?}.
     *
     * @param parameters the columns whose override is a {@code ?}, in column order; the seed's id binds last
     */
    private record Copy(String sql, List<String> parameters) {

        void bind(PreparedStatement statement, Map<String, Long> values, long seedId) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setLong(i + 1, values.get(parameters.get(i)));
            }
            statement.setLong(parameters.size() + 1, seedId);
        }
    }

    private Copy copySql(String table, Map<String, String> overrides) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                     + "WHERE LOWER(table_name) = ? AND LOWER(table_schema) = 'public' ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!columns.containsAll(overrides.keySet())) {
            throw new IllegalStateException(table + " lacks one of " + overrides.keySet() + "; has " + columns);
        }
        List<String> values = columns.stream().map(c -> overrides.getOrDefault(c, c)).toList();
        List<String> parameters = columns.stream().filter(c -> overrides.getOrDefault(c, "").contains("?")).toList();
        return new Copy("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + table + " WHERE id = ?", parameters);
    }
}

package org.wayfarer.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a stopped Wayfarer server's embedded H2 database (the server's own account of what it did), after the
 * bench has stopped it: status counts of events, instances and outbox rows. Read only; must not be used while the
 * server runs (H2 file mode allows one process).
 */
final class ServerDatabase implements AutoCloseable {

    private final Connection connection;

    private ServerDatabase(Connection connection) {
        this.connection = connection;
    }

    static ServerDatabase open(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("wayfarer").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        return new ServerDatabase(DriverManager.getConnection(url, "sa", ""));
    }

    /** {@code status -> rows} of {@code table} (contact_event, journey_instance or outbox). */
    Map<String, Long> statusCounts(String table) throws SQLException {
        if (!List.of("contact_event", "journey_instance", "outbox").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select status, count(*) from " + table + " group by status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Outbox statuses per recipient (openid) for recipients starting with {@code prefix}. */
    Map<String, List<String>> outboxByRecipient(String prefix) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select recipient, status from outbox where recipient like ? escape '!'")) {
            statement.setString(1, likePrefix(prefix));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return out;
    }

    /** Stored contact events whose identity (openid) starts with {@code prefix}. */
    long eventsFor(String prefix) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from contact_event where identity_value like ? escape '!'")) {
            statement.setString(1, likePrefix(prefix));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** {@code prefix%} with LIKE's wildcards in the prefix taken literally (openids contain {@code _}). */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

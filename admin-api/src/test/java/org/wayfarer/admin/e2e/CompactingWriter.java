package org.wayfarer.admin.e2e;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.wayfarer.journey.infra.embedded.CompactionPass;
import org.wayfarer.journey.infra.embedded.CompactionSettings;
import org.wayfarer.journey.infra.embedded.H2FileCompaction;

/**
 * The process {@link EmbeddedStoreCrashIT} kills: writers commit rows into the embedded H2 file (URL as shipped) and
 * print {@code OK <id>} for each row only after its commit returned, while compaction passes run back to back with
 * aggressive settings (printing {@code PASS <rewrites> <file bytes before> <after>}), so that the kill lands in the
 * middle of compaction work. Updates of earlier rows leave the chunks sparse, as the engine's status updates do.
 * Runs until killed.
 *
 * <p>Arguments: the JDBC URL, the number of writer threads.
 */
public final class CompactingWriter {

    private static final PrintStream OUT = System.out;

    private CompactingWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int writers = Integer.parseInt(args[1]);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Connection keepOpen = dataSource.getConnection();
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS crash_row (id BIGINT PRIMARY KEY, writer INT NOT NULL,"
                    + " status VARCHAR(12) NOT NULL, payload VARCHAR(400) NOT NULL)");
            statement.execute("CREATE INDEX IF NOT EXISTS ix_crash_row_status ON crash_row (status, writer)");
        }
        AtomicLong ids = new AtomicLong(1);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(dataSource, writer, ids), "writer-" + w);
            thread.start();
        }
        H2FileCompaction compaction = new H2FileCompaction(dataSource,
                new CompactionSettings(95, 64 * 1024, Duration.ofMillis(50), 95, 256 * 1024));
        while (true) {
            Optional<CompactionPass> pass = compaction.runOnce();
            pass.ifPresent(p -> print("PASS " + p.rewrites() + " " + p.fileBytesBefore() + " " + p.fileBytesAfter()));
        }
    }

    private static void write(DriverManagerDataSource dataSource, int writer, AtomicLong ids) {
        String payload = "x".repeat(200 + writer);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO crash_row (id, writer, status, payload) VALUES (?, ?, 'NEW', ?)");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE crash_row SET status = 'DONE', payload = ? WHERE id = ?")) {
            while (true) {
                long id = ids.getAndIncrement();
                if (id % 5 == 0) {
                    // a multi-row transaction: all of its rows are acknowledged after the one commit
                    connection.setAutoCommit(false);
                    long[] batch = new long[10];
                    batch[0] = id;
                    for (int i = 1; i < batch.length; i++) {
                        batch[i] = ids.getAndIncrement();
                    }
                    for (long row : batch) {
                        insert(insert, row, writer, payload);
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                    for (long row : batch) {
                        print("OK " + row);
                    }
                } else {
                    insert(insert, id, writer, payload);
                    print("OK " + id);
                }
                long earlier = ThreadLocalRandom.current().nextLong(1, id + 1);
                update.setString(1, payload + id);
                update.setLong(2, earlier);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            print("FAILED " + e);
        }
    }

    private static void insert(PreparedStatement insert, long id, int writer, String payload) throws SQLException {
        insert.setLong(1, id);
        insert.setInt(2, writer);
        insert.setString(3, payload);
        insert.executeUpdate();
    }

    /** One line, flushed at once: a line the parent has read was written after the commit it reports. */
    private static void print(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }
}

package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/adr/0007: the embedded database's size settings ({@code RETENTION_TIME}, {@code COMPRESS}) and the online
 * compaction keep {@code WRITE_DELAY=0}'s promise: a commit that returned survives {@code kill -9} of the process.
 * A forked {@link CompactingWriter} commits rows with the URL of application.yml while compaction passes run back to
 * back, and is killed right after a pass starts; every row it reported committed must be there after the restart, and
 * the recovered file must stay usable across a further clean close and reopen (H2's "Double mark" corruption after an
 * unclean open is what a too short retention time risks). {@link KillDashNineIT} covers the same promise for the
 * whole server.
 */
class EmbeddedStoreCrashIT {

    @TempDir
    Path dataDir;

    @Test
    void everyReturnedCommitSurvivesKillDashNineDuringCompaction() throws Exception {
        String url = EmbeddedDatabase.url(dataDir);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger passesWithRewrites = new AtomicInteger();
        AtomicInteger passesSinceThreshold = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CompactingWriter.class.getName(), url, "4")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread reader = new Thread(() -> read(writer, acknowledged, passesWithRewrites, passesSinceThreshold,
                    failure), "writer-output");
            reader.setDaemon(true);
            reader.start();
            // enough committed rows and real compaction work behind us, then a pass that has just started
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5)).until(() -> {
                if (failure.get() != null || !writer.isAlive()) {
                    throw new IllegalStateException("writer failed: " + failure.get());
                }
                if (acknowledged.size() < 5_000 || passesWithRewrites.get() < 3) {
                    passesSinceThreshold.set(0);
                    return false;
                }
                return passesSinceThreshold.get() > 0;
            });
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Set<Long> acknowledgedAtKill = new HashSet<>(acknowledged);

        // the first open after the kill recovers the file; it is written to and closed cleanly, then opened again
        Set<Long> recovered = recoverAndWrite(url, 1_000);
        System.out.printf("kill -9 during compaction: %d commits acknowledged, %d rows recovered, %d passes had"
                + " rewritten chunks%n", acknowledgedAtKill.size(), recovered.size(), passesWithRewrites.get());
        assertThat(acknowledgedAtKill).isNotEmpty();
        assertThat(recovered).as("rows whose commit had returned before the kill").containsAll(acknowledgedAtKill);
        assertThat(ids(url)).hasSize(recovered.size() + 1_000).containsAll(acknowledgedAtKill);
    }

    private static void read(Process writer, Set<Long> acknowledged, AtomicInteger passesWithRewrites,
                             AtomicInteger passesSinceThreshold, AtomicReference<String> failure) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("OK ")) {
                    acknowledged.add(Long.parseLong(line.substring(3)));
                } else if (line.startsWith("PASS ")) {
                    List<String> parts = List.of(line.split(" "));
                    if (Integer.parseInt(parts.get(1)) > 0) {
                        passesWithRewrites.incrementAndGet();
                    }
                    passesSinceThreshold.incrementAndGet();
                } else if (line.startsWith("FAILED")) {
                    failure.set(line);
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the writer is killed
        }
    }

    private static Set<Long> ids(String url) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM crash_row")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /**
     * Opens the database (recovering it), reads its ids, inserts {@code count} rows with fresh ids and closes it
     * (closing the last connection closes the database); returns the ids found before the inserts.
     */
    private static Set<Long> recoverAndWrite(String url, int count) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM crash_row")) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            long next = found.stream().mapToLong(Long::longValue).max().orElse(0) + 1_000_000;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO crash_row (id, writer, status, payload) VALUES (?, -1, 'AFTER', 'after')")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, next + i);
                    insert.executeUpdate();
                }
            }
        }
        return found;
    }
}

package org.wayfarer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The live data of a stopped Wayfarer server's embedded H2 database, measured two ways on copies (the server's own
 * file is left as it is):
 * <ul>
 *   <li>{@code script}: {@code SCRIPT TO} a file, {@code RUNSCRIPT} it into a fresh database, {@code SHUTDOWN
 *       COMPACT}: the rows and indexes rebuilt from scratch;</li>
 *   <li>{@code copy}: {@code SHUTDOWN COMPACT} on a copy of the file: H2's own offline compaction of what is there.</li>
 * </ul>
 * Both compress pages ({@code SHUTDOWN COMPACT} always writes compressed), which is why the server runs with
 * {@code COMPRESS=TRUE} (docs/adr/0007).
 */
final class H2LiveSize {

    private static final String MODE = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";

    private H2LiveSize() {
    }

    record Sizes(long script, long copy) {
    }

    /**
     * @param database the server's database file without {@code .mv.db} (e.g. {@code <data-dir>/wayfarer})
     * @param work     an empty directory for the copies
     */
    static Sizes measure(Path database, Path work) throws IOException, SQLException {
        Files.createDirectories(work);
        Path copy = work.resolve("copy");
        Files.copy(Path.of(database + ".mv.db"), Path.of(copy + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
        Path dump = work.resolve("dump.sql");
        try (Connection connection = open(copy); Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT TO '" + dump + "'");
            statement.execute("SHUTDOWN COMPACT");
        }
        Path rebuilt = work.resolve("rebuilt");
        try (Connection connection = open(rebuilt); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + dump + "'");
            statement.execute("SHUTDOWN COMPACT");
        }
        return new Sizes(Files.size(Path.of(rebuilt + ".mv.db")), Files.size(Path.of(copy + ".mv.db")));
    }

    private static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath() + MODE, "sa", "");
    }
}

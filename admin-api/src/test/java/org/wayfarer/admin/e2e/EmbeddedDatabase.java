package org.wayfarer.admin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded H2 database as the product configures it (application.yml), so tests of its durability and size run
 * against exactly the shipped settings, and the live-data measure of docs/adr/0007.
 */
final class EmbeddedDatabase {

    private static final String DATA_DIR_PLACEHOLDER = "${wayfarer.data-dir:./data}";

    private EmbeddedDatabase() {
    }

    /** {@code spring.datasource.url} of application.yml with the data dir filled in. */
    static String url(Path dataDir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties == null ? null : properties.getProperty("spring.datasource.url");
        if (url == null || !url.contains(DATA_DIR_PLACEHOLDER)) {
            throw new IllegalStateException("application.yml's spring.datasource.url no longer has "
                    + DATA_DIR_PLACEHOLDER + ": " + url);
        }
        return url.replace(DATA_DIR_PLACEHOLDER, dataDir.toAbsolutePath().toString());
    }

    /** The database file under a data dir. */
    static Path file(Path dataDir) {
        return dataDir.resolve("wayfarer.mv.db");
    }

    /**
     * The live data of an open (or closed) database: {@code SCRIPT} of its rows and schema, {@code RUNSCRIPT} into a
     * fresh database under {@code work}, {@code SHUTDOWN COMPACT}; the size of that file.
     */
    static long liveBytes(String url, Path work) throws SQLException, IOException {
        Files.createDirectories(work);
        Path dump = work.resolve("dump.sql");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT TO '" + dump + "'");
        }
        Path rebuilt = work.resolve("rebuilt");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + rebuilt
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + dump + "'");
            statement.execute("SHUTDOWN COMPACT");
        }
        return Files.size(work.resolve("rebuilt.mv.db"));
    }
}

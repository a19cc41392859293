package org.wayfarer.journey.infra.mybatis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on the MariaDB server at 127.0.0.1:3306 (other test runs share the server), for a test class
 * that creates it before all tests and drops it after; the drop needs nothing from Spring, so it runs even when the
 * context failed to start. Server override: {@code -Dwayfarer.test.mariadb.server}.
 */
final class MariaDbSchema {

    private static final String SERVER = System.getProperty("wayfarer.test.mariadb.server",
            "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = "root";
    private static final String PASSWORD = "";

    private final String name = "wf_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    void create() throws SQLException {
        execute("CREATE DATABASE " + name);
    }

    void drop() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** Points the application's data source at this schema; {@code urlOptions} is appended to the URL as it is. */
    void register(DynamicPropertyRegistry registry, String urlOptions) {
        registry.add("spring.datasource.url", () -> SERVER + name + urlOptions);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

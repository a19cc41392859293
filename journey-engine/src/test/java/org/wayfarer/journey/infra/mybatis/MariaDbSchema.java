package org.wayfarer.journey.infra.mybatis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on the MariaDB server at 127.0.0.1:3306 (other test runs share the server), created before the
 * test class and dropped after it; the drop needs nothing from Spring, so it runs even when the context failed to
 * start. Register it as a static {@code @RegisterExtension} field and point the data source at it with
 * {@link #register} from a {@code @DynamicPropertySource} method. Server override: {@code -Dwayfarer.test.mariadb.server}.
 */
public final class MariaDbSchema implements BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = System.getProperty("wayfarer.test.mariadb.server",
            "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = "root";
    private static final String PASSWORD = "";

    private final String name = "wf_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (nested(context)) {
            return;
        }
        execute("CREATE DATABASE " + name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (nested(context)) {
            return;
        }
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** {@code @Nested} classes inherit the extension: only the outermost class creates and drops the schema. */
    private static boolean nested(ExtensionContext context) {
        return context.getRequiredTestClass().isMemberClass();
    }

    /** Points the application's data source at this schema; {@code urlOptions} is appended to the URL as it is. */
    public void register(DynamicPropertyRegistry registry, String urlOptions) {
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

package org.wayfarer.journey.infra.mybatis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxContract;

/**
 * The outbox contract against MariaDB with the driver's bulk batches on ({@code useBulkStmts=true}): the driver then
 * answers {@code SUCCESS_NO_INFO} for every row of a batch, so the claims and receipts must find out from the table
 * which rows they changed. In a schema of its own, dropped afterwards.
 */
@SpringBootTest(classes = StoresTestApplication.class)
class MybatisOutboxBulkMariaDbIT extends MybatisStoresTestBase {

    private static final String SERVER = System.getProperty("wayfarer.test.mariadb.server",
            "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = "root";
    private static final String PASSWORD = "";
    private static final String SCHEMA = "wf_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    @BeforeAll
    static void createSchema() throws SQLException {
        execute("CREATE DATABASE " + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + SCHEMA + "?useBulkStmts=true");
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Nested
    class OutboxOnMariaDbBulk extends OutboxContract {
        @Override
        protected Outbox outbox() {
            return outbox;
        }
    }
}

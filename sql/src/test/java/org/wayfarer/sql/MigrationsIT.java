package org.wayfarer.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every migration applies cleanly on both dialects we ship: H2 in MySQL mode (embedded) and MariaDB (cluster). */
class MigrationsIT {

    private static final List<String> TABLES = List.of("tenant", "api_key", "wechat_account", "journey",
            "journey_version", "contact", "contact_identity", "contact_event", "journey_instance", "journey_step",
            "journey_counter", "outbox", "contact_tag", "tenant_setting", "holiday_calendar_file", "segment",
            "segment_member", "journey_entry_decision", "wechat_subscribe_consent", "coupon_stock",
            "wechat_keyword_reply", "wechat_qrcode", "wechat_qrcode_ticket");

    @Test
    void migratesEmbeddedH2FileInMySqlMode(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("wayfarer") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        assertMigrates(url, "sa", "");
    }

    @Test
    void migratesMariaDb() throws Exception {
        String schema = "wf_migration_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(MariaDb.URL, MariaDb.USER, MariaDb.PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + schema);
        }
        try {
            assertMigrates(MariaDb.url(schema), MariaDb.USER, MariaDb.PASSWORD);
        } finally {
            try (Connection c = DriverManager.getConnection(MariaDb.URL, MariaDb.USER, MariaDb.PASSWORD)) {
                c.createStatement().execute("DROP DATABASE " + schema);
            }
        }
    }

    private static void assertMigrates(String url, String user, String password) throws Exception {
        MigrateResult result = Flyway.configure().dataSource(url, user, password).load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String table : TABLES) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, "tenant_id")) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
                assertThat(columns).as("tenant_id on " + table).containsExactly("tenant_id");
            }
        }
    }

    /** The MariaDB that .ci/run guarantees on 127.0.0.1:3306. */
    static final class MariaDb {
        static final String URL = System.getProperty("wayfarer.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
        static final String USER = "root";
        static final String PASSWORD = "";

        static String url(String schema) {
            return URL.substring(0, URL.lastIndexOf('/') + 1) + schema;
        }
    }
}

package org.wayfarer.journey.infra.mybatis;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The locking clause of a due-row claim's candidate query: {@code FOR UPDATE SKIP LOCKED} on MySQL/MariaDB, where
 * concurrent nodes then take different rows instead of queueing on the same ones, and nothing on H2 (one node,
 * embedded), whose {@code FOR UPDATE} reads every matching row before a {@code LIMIT} (measured: 100,001 rows read to
 * claim 1,000 of 100,000 due) and where the claim's conditional UPDATE alone keeps two claimers apart. Thread-safe.
 */
final class SkipLocked {

    private final JdbcTemplate jdbc;
    private volatile String clause;

    SkipLocked(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The clause to append, with its leading space, or the empty string; asks the database once. */
    String clause() {
        String known = clause;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
            known = name.contains("mariadb") || name.contains("mysql") ? " FOR UPDATE SKIP LOCKED" : "";
            clause = known;
        }
        return known;
    }
}

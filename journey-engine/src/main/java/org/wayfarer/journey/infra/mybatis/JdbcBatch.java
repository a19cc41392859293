package org.wayfarer.journey.infra.mybatis;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hot path's multi-row writes as JDBC batches of one fixed prepared statement, on the connection of the caller's
 * transaction (JdbcTemplate and MyBatis share it through Spring's transaction synchronisation), with Spring's
 * exception translation, so a duplicate key is still a {@code DuplicateKeyException}. A MyBatis {@code <foreach>}
 * multi-row statement binds every parameter through its expression language and is new SQL text for each row
 * count; the profile of the follow benchmark put that above a quarter of the workers' CPU (docs/adr/0008).
 */
final class JdbcBatch {

    /** Rows sent to the driver in one batch. */
    static final int ROWS = 500;

    /** Binds one row's parameters, in the statement's column order. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(Parameters p, T row) throws SQLException;
    }

    private JdbcBatch() {
    }

    static <T> void run(JdbcTemplate jdbc, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, rows, ROWS, (ps, row) -> binder.bind(new Parameters(ps), row));
    }

    /**
     * Runs a conditional UPDATE once per row and returns, per row in order, whether it changed a row. Versioned
     * writes, processed marks and claims rely on these counts, so a driver that answers
     * {@link Statement#SUCCESS_NO_INFO} (MariaDB Connector/J with {@code useBulkStmts} on, which is not its default)
     * is refused with an {@link IllegalStateException} and the caller's transaction rolls back.
     */
    static <T> boolean[] update(JdbcTemplate jdbc, String sql, List<T> rows, Binder<T> binder) {
        boolean[] changed = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return changed;
        }
        int i = 0;
        for (int[] counts : jdbc.batchUpdate(sql, rows, ROWS, (ps, row) -> binder.bind(new Parameters(ps), row))) {
            for (int count : counts) {
                if (count == Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("the JDBC driver does not report the update counts of batched"
                            + " statements, which the stores rely on (MariaDB Connector/J: leave useBulkStmts off)");
                }
                changed[i++] = count > 0;
            }
        }
        if (i != rows.size()) {
            throw new IllegalStateException("the driver answered " + i + " update counts for " + rows.size()
                    + " rows of a batch");
        }
        return changed;
    }

    /** Sets the next parameter each call; nulls are typed for the drivers that need it. */
    static final class Parameters {
        private final PreparedStatement ps;
        private int index;

        Parameters(PreparedStatement ps) {
            this.ps = ps;
        }

        Parameters add(long value) throws SQLException {
            ps.setLong(++index, value);
            return this;
        }

        Parameters add(int value) throws SQLException {
            ps.setInt(++index, value);
            return this;
        }

        Parameters add(Long value) throws SQLException {
            if (value == null) {
                ps.setNull(++index, Types.BIGINT);
            } else {
                ps.setLong(++index, value);
            }
            return this;
        }

        Parameters add(String value) throws SQLException {
            if (value == null) {
                ps.setNull(++index, Types.VARCHAR);
            } else {
                ps.setString(++index, value);
            }
            return this;
        }
    }
}

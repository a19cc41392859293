package org.wayfarer.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting proxies over a real driver (H2 in memory): what is a statement, a write and a counted commit. */
class CountingDataSourceIT {

    private final JdbcCounts counts = new JdbcCounts();
    private CountingDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:counting_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        dataSource = new CountingDataSource(h2, counts);
        try (Connection connection = dataSource.target().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(10))");
        }
    }

    @Test
    void aWriteInAutoCommitModeIsItsOwnCommit() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, 'a')")) {
            insert.setLong(1, 1);
            insert.executeUpdate();
            insert.setLong(1, 2);
            insert.executeUpdate();
        }

        assertThat(counts.snapshot()).isEqualTo(new JdbcCounts.Snapshot(2, 2, 2));
    }

    @Test
    void aTransactionThatWroteCommitsOnceAndOneThatOnlyReadCommitsNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (1, 'a')");
                statement.executeUpdate("UPDATE t SET v = 'b' WHERE id = 1");
                connection.commit();
                try (ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
                    assertThat(rows.next()).isTrue();
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
        }

        assertThat(counts.snapshot()).isEqualTo(new JdbcCounts.Snapshot(3, 2, 1));
    }

    @Test
    void aRolledBackWriteIsNotACommitAndABatchIsOneStatement() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, 'a')")) {
                insert.setLong(1, 1);
                insert.executeUpdate();
                connection.rollback();
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.setAutoCommit(true); // commits the open transaction, as JDBC says
        }

        assertThat(counts.snapshot()).isEqualTo(new JdbcCounts.Snapshot(2, 2, 1));
        try (Connection connection = dataSource.target().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void unwrapsToTheTargetAndHandsBackItsOwnConnection() throws SQLException {
        assertThat(dataSource.isWrapperFor(JdbcDataSource.class)).isTrue();
        assertThat(dataSource.unwrap(JdbcDataSource.class)).isSameAs(dataSource.target());
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.getConnection()).isSameAs(connection);
        }
    }
}

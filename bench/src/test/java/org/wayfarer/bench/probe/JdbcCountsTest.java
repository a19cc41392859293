package org.wayfarer.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcCountsTest {

    @Test
    void countsDataChangesAndDdlAsWrites() {
        assertThat(JdbcCounts.isWrite("INSERT INTO contact VALUES (1)")).isTrue();
        assertThat(JdbcCounts.isWrite("  update journey_instance set seq = 2")).isTrue();
        assertThat(JdbcCounts.isWrite("delete from outbox")).isTrue();
        assertThat(JdbcCounts.isWrite("MERGE INTO t KEY (id) VALUES (1)")).isTrue();
        assertThat(JdbcCounts.isWrite("create table t (id int)")).isTrue();
    }

    @Test
    void readsAndLockingReadsAreNotWrites() {
        assertThat(JdbcCounts.isWrite("SELECT * FROM contact")).isFalse();
        assertThat(JdbcCounts.isWrite("select id from journey_instance where id = ? for update")).isFalse();
        assertThat(JdbcCounts.isWrite("WITH x AS (SELECT 1) SELECT * FROM x")).isFalse();
        assertThat(JdbcCounts.isWrite(null)).isFalse();
        assertThat(JdbcCounts.isWrite("")).isFalse();
    }

    @Test
    void looksPastCommentsAndParentheses() {
        assertThat(JdbcCounts.isWrite("/* mybatis */ INSERT INTO t VALUES (1)")).isTrue();
        assertThat(JdbcCounts.isWrite("-- note\nupdate t set a = 1")).isTrue();
        assertThat(JdbcCounts.isWrite("(select 1) union (select 2)")).isFalse();
    }

    @Test
    void snapshotsSubtract() {
        JdbcCounts counts = new JdbcCounts();
        counts.statement(true);
        JdbcCounts.Snapshot before = counts.snapshot();
        counts.statement(false);
        counts.statement(true);
        counts.commit();

        assertThat(counts.snapshot().minus(before)).isEqualTo(new JdbcCounts.Snapshot(2, 1, 1));
    }
}

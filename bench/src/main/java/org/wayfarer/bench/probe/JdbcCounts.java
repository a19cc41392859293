package org.wayfarer.bench.probe;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what went through a {@link CountingDataSource}: statements executed (a batch counts once), those
 * of them that write, and commits of transactions that wrote (an explicit commit after a write, or a write in
 * auto-commit mode, which is its own transaction). Read-only commits are left out: they cost the database nothing
 * durable. Thread-safe.
 */
public final class JdbcCounts {

    private final LongAdder statements = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder commits = new LongAdder();

    /** Totals so far, or the difference of two snapshots with {@link Snapshot#minus}. */
    public record Snapshot(long statements, long writes, long commits) {

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(statements - earlier.statements, writes - earlier.writes, commits - earlier.commits);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(statements.sum(), writes.sum(), commits.sum());
    }

    public long statements() {
        return statements.sum();
    }

    public long writes() {
        return writes.sum();
    }

    public long commits() {
        return commits.sum();
    }

    void statement(boolean write) {
        statements.increment();
        if (write) {
            writes.increment();
        }
    }

    void commit() {
        commits.increment();
    }

    /**
     * Whether {@code sql} changes data: INSERT, UPDATE, DELETE, MERGE, REPLACE or DDL, after leading blanks,
     * parentheses and comments. A {@code SELECT ... FOR UPDATE} takes locks but writes nothing durable.
     */
    static boolean isWrite(String sql) {
        if (sql == null) {
            return false;
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(i, end).toLowerCase(Locale.ROOT)) {
            case "insert", "update", "delete", "merge", "replace", "create", "alter", "drop", "truncate" -> true;
            default -> false;
        };
    }
}

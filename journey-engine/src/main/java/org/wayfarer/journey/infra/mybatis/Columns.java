package org.wayfarer.journey.infra.mybatis;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;

/** Conversions between port values and column values shared by the adapters. */
final class Columns {

    private Columns() {
    }

    /** Instants are stored as epoch milliseconds; sub-millisecond precision is dropped. */
    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** Free text (error messages, step details) is cut to the column width rather than failing the transaction. */
    static String truncate(String text, int maxLength) {
        return text == null || text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    /**
     * Whether a duplicate-key failure came from the named unique constraint (and not, say, from the primary key).
     * MariaDB names the key in its message, H2 names the constraint's index after it; both keep the name's case.
     */
    static boolean violates(DuplicateKeyException e, String constraint) {
        String needle = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Limits are inlined into {@code LIMIT n}; only a positive int gets there. */
    static int positive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return limit;
    }

    /** {@code n} JDBC parameter markers for an {@code IN (...)} list: {@code ?, ?, ?}. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Feeds {@code rows} to {@code action} in chunks, so one multi-row statement stays under the packet limit. */
    static <T> void inChunks(List<T> rows, int chunkSize, Consumer<List<T>> action) {
        for (int from = 0; from < rows.size(); from += chunkSize) {
            action.accept(rows.subList(from, Math.min(rows.size(), from + chunkSize)));
        }
    }
}

package org.wayfarer.journey.testing;

/** Rules the in-memory stores share with the tables: only positive read limits, free text cut to the column width. */
final class Columns {

    private Columns() {
    }

    static int positive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return limit;
    }

    static String truncate(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }
}

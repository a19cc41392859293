package org.wayfarer.admin.problem;

/**
 * The {@code cursor} and {@code limit} query parameters of the admin API's paginated lists, read as strings so that
 * a malformed value gets the API's own problem detail rather than a binder error.
 */
public final class PageParameters {

    private PageParameters() {
    }

    /**
     * @return the id after which the page starts, or null for the first page
     * @throws InvalidRequestException when the value is not a positive id (a previous page's {@code nextCursor})
     */
    public static Long cursor(String value) {
        if (value == null) {
            return null;
        }
        try {
            long cursor = Long.parseLong(value);
            if (cursor > 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'cursor' must be the 'nextCursor' of a previous page.");
    }

    /** @throws InvalidRequestException when the value is not a whole number from 1 to {@code max} */
    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'limit' must be between 1 and " + max + ".");
    }
}

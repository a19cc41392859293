package org.wayfarer.admin.limits;

import java.time.Instant;

/**
 * The instants the admin API accepts: from the Unix epoch to the end of year 9999. Wider values parse as
 * {@link Instant}s but overflow epoch milliseconds, which is how they are stored and compared.
 */
public final class ApiInstants {

    public static final Instant MIN = Instant.EPOCH;
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    /** How every message about an instant describes the accepted ones. */
    public static final String RULE = "an ISO-8601 instant between " + MIN + " and 9999-12-31T23:59:59Z, e.g. "
            + "2026-03-01T09:00:00Z";

    private ApiInstants() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }
}

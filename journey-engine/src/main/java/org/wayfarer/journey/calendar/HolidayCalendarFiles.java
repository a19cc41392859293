package org.wayfarer.journey.calendar;

import java.time.Instant;
import java.util.Map;

/**
 * The year files tenants uploaded, kept in the database so every node builds the same calendars (port). Each
 * replaces the bundled file of its year, for its tenant only. Joins the caller's transaction; thread-safe.
 */
public interface HolidayCalendarFiles {

    /** Every uploaded file, by tenant id, then by year, as uploaded. */
    Map<Long, Map<Integer, byte[]>> all();

    /** Stores (or replaces) the tenant's file of {@code year}. */
    void put(long tenantId, int year, byte[] json, Instant now);
}

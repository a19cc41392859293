package org.wayfarer.admin.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.wayfarer.admin.limits.ApiInstants;
import org.wayfarer.admin.problem.InvalidRequestException;

/**
 * The time window and version an analytics request asks for. {@code from} and {@code to} are each an ISO-8601
 * instant or a local date ({@code 2026-03-01}, read in {@code zone}, default Asia/Shanghai): a date {@code from}
 * starts at that day's midnight, a date {@code to} includes that whole day.
 *
 * @param fromDay set when {@code from} was a date (as is {@code toDay} for {@code to})
 */
record AnalyticsWindow(Instant from, Instant to, LocalDate fromDay, LocalDate toDay, ZoneId zone, Integer version) {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final String BOUND = ApiInstants.RULE + ", or a date such as 2026-03-01 (a local day in 'zone')";

    /** @throws InvalidRequestException naming the parameter that is wrong */
    static AnalyticsWindow parse(String from, String to, String zone, Integer version) {
        ZoneId zoneId = zone(zone);
        if (version != null && version < 1) {
            throw new InvalidRequestException("'version' must be a published version number (1 or more).");
        }
        LocalDate fromDay = date(from);
        LocalDate toDay = date(to);
        Instant fromInstant = fromDay != null ? fromDay.atStartOfDay(zoneId).toInstant() : instant(from, "from");
        Instant toInstant = toDay != null ? toDay.plusDays(1).atStartOfDay(zoneId).toInstant() : instant(to, "to");
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new InvalidRequestException("'from' must not be after 'to'.");
        }
        return new AnalyticsWindow(fromInstant, toInstant, fromDay, toDay, zoneId, version);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("'zone' must be an IANA time zone such as Asia/Shanghai.");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed = Instant.parse(value);
            if (ApiInstants.inRange(parsed)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidRequestException("'" + name + "' must be " + BOUND + ".");
    }
}

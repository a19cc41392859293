package org.wayfarer.journey.definition;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A date-attribute trigger's rule: each contact enters at local time {@code at}, in the contact's own zone, on the date
 * its attribute names moved by {@code offset}; with {@code everyYear}, on that date's anniversary every year
 * (birthdays, membership anniversaries). Immutable and thread-safe.
 *
 * <p>Accepted attribute values (anything else is unparsable and the contact is skipped): a date {@code yyyy-MM-dd};
 * a local date-time {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]}, of which the date counts; an ISO-8601 date-time with an
 * offset or {@code Z} ({@code 1990-03-15T08:00:00+08:00}, {@code 1990-03-15T00:00:00Z}), an instant, of which the
 * date <em>in the contact's zone</em> counts. The anniversary of February 29 is February 28 in years without one.
 *
 * @param attribute the contact attribute holding the date
 * @param offset    added to the (anniversary) date, e.g. {@code -P3D} three days before; {@link Period#ZERO} for none
 * @param at        the local time of entry in the contact's zone
 */
public record DateRule(String attribute, Period offset, LocalTime at, boolean everyYear) {

    public DateRule {
        Objects.requireNonNull(attribute, "attribute");
        offset = offset == null ? Period.ZERO : offset;
        Objects.requireNonNull(at, "at");
    }

    /** The date the attribute value names for a contact in {@code zone}, or empty when the value is not one. */
    public static Optional<LocalDate> dateOf(Object value, ZoneId zone) {
        if (!(value instanceof String text) || text.length() < 10 || text.length() > 64) {
            return Optional.empty();
        }
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text));
            }
            char last = text.charAt(text.length() - 1);
            boolean offset = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
            return Optional.of(offset ? OffsetDateTime.parse(text.replace('z', 'Z')).atZoneSameInstant(zone)
                    .toLocalDate() : LocalDateTime.parse(text).toLocalDate());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The contact's entry instants in {@code [from, to)}, earliest first, for the attribute date {@code base}. With
     * {@code everyYear} one per year's anniversary (February 29 on February 28 in other years), else at most one.
     */
    public List<Instant> occurrences(LocalDate base, ZoneId zone, Instant from, Instant to) {
        List<Instant> found = new ArrayList<>(1);
        if (!everyYear) {
            Instant once = instant(base, zone);
            if (!once.isBefore(from) && once.isBefore(to)) {
                found.add(once);
            }
            return found;
        }
        // the offset may move an anniversary into the year before or after; look one year beyond each end
        int first = from.atZone(zone).getYear() - 1 - Math.max(0, offset.getYears());
        int last = to.atZone(zone).getYear() + 1 + Math.max(0, -offset.getYears());
        for (int year = first; year <= last; year++) {
            if (year < base.getYear()) {
                continue; // no anniversary before the date itself
            }
            Instant occurrence = instant(base.withYear(year), zone);
            if (!occurrence.isBefore(from) && occurrence.isBefore(to)) {
                found.add(occurrence);
            }
        }
        return found;
    }

    private Instant instant(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date.plus(offset), at, zone).toInstant();
    }
}

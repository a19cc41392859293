package org.wayfarer.journey.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wayfarer.journey.definition.DateRule;
import org.wayfarer.journey.runtime.StepContext;

/**
 * One date trigger's sweep over a window of entry times {@code [from, to)}: which month-days a contact's attribute
 * can name to enter in the window (the store's pre-filter), and, per contact, when it enters. Every instant is
 * computed in the contact's own zone ({@link StepContext#zoneOf}), so a contact whose local date is the 15th at 07:00
 * in Shanghai (the 14th, 23:00 UTC) enters with the people of the 15th. Immutable and thread-safe.
 */
final class DateSweep {

    /** A pre-filter is worth it for a short window; a longer one (a catch-up) reads every contact with the attribute. */
    private static final Duration PREFILTERED_WINDOW = Duration.ofDays(7);
    /** Zone offsets lie within ±18 hours, so every zone's local date at an instant is within a day of UTC's. */
    private static final Duration ZONE_SPREAD = Duration.ofHours(18);
    /**
     * A value with an offset names a date up to two days away from its date in a contact's zone ("...T23:59-18:00"
     * is already the day after next at +14:00), so the pre-filter takes the month-days two days either side.
     */
    private static final int TEXT_MARGIN_DAYS = 2;

    private final DateRule rule;
    private final Instant from;
    private final Instant to;

    DateSweep(DateRule rule, Instant from, Instant to) {
        this.rule = rule;
        this.from = from;
        this.to = to;
    }

    /** What a contact does in this window: enters at an instant, is skipped (unparsable value), or neither. */
    sealed interface Decision {
    }

    record Enters(Instant at) implements Decision {
    }

    record Unparsable() implements Decision {
    }

    record NotDue() implements Decision {
    }

    /**
     * The contact's entry in the window: the first of its occurrences there; {@link Unparsable} when it has the
     * attribute but not as a date; {@link NotDue} otherwise (no attribute, or not in the window).
     */
    Decision decide(java.util.Map<String, Object> attributes) {
        Object value = attributes.get(rule.attribute());
        if (value == null) {
            return new NotDue();
        }
        ZoneId zone = StepContext.zoneOf(attributes);
        Optional<LocalDate> date = DateRule.dateOf(value, zone);
        if (date.isEmpty()) {
            return new Unparsable();
        }
        List<Instant> occurrences = rule.occurrences(date.get(), zone, from, to);
        return occurrences.isEmpty() ? new NotDue() : new Enters(occurrences.get(0));
    }

    /**
     * The month-days ({@code MM-dd}) an attribute value's text must contain for its contact to enter in the window,
     * in any zone: a superset, the sweep decides each contact. Null (no pre-filter) for a window over
     * {@link #PREFILTERED_WINDOW} or an offset in months or years, whose inverse is not a shift of days.
     */
    Set<MonthDay> monthDays() {
        Period offset = rule.offset();
        if (offset.getMonths() != 0 || offset.getYears() != 0
                || Duration.between(from, to).compareTo(PREFILTERED_WINDOW) > 0) {
            return null;
        }
        LocalDate first = from.minus(ZONE_SPREAD).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.plus(ZONE_SPREAD).atOffset(ZoneOffset.UTC).toLocalDate();
        Set<MonthDay> days = new TreeSet<>();
        for (LocalDate local = first; !local.isAfter(last); local = local.plusDays(1)) {
            LocalDate named = local.minusDays(offset.getDays());
            for (int margin = -TEXT_MARGIN_DAYS; margin <= TEXT_MARGIN_DAYS; margin++) {
                days.add(MonthDay.from(named.plusDays(margin)));
            }
        }
        if (days.contains(MonthDay.of(2, 28))) {
            days.add(MonthDay.of(2, 29)); // February 29's anniversary in other years
        }
        return days;
    }
}

package org.wayfarer.journey.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * When a send may go out, given every {@link QuietHours} rule that applies to it (the tenant's, the journey's, the
 * node's): all of them must allow it.
 */
public final class SendWindows {

    /** How far ahead {@link #nextAllowed} looks before it gives up on a set of rules that never allow a send. */
    public static final Duration MAX_SEARCH = Duration.ofDays(400);

    private SendWindows() {
    }

    /**
     * {@code at} itself when no rule is quiet then, else the earliest later instant at which none is.
     *
     * <p>Each rule in turn pushes the candidate to the end of its quiet period (the first instant its local time
     * reaches the period's end, or the start of the next day for a quiet day), and the pass repeats until no rule
     * objects. Every instant skipped was quiet under some rule, so the result is the earliest allowed one.
     *
     * <p>DST: the end of a quiet period that falls in a spring-forward gap is the transition instant itself (local
     * time jumps past the end there); in an autumn overlap the end is whichever occurrence of that local time comes
     * first after the candidate, so a period re-entered in the repeated hour is left at its true end.
     *
     * @throws IllegalStateException naming the rules if they leave no instant free within {@link #MAX_SEARCH}
     */
    public static Instant nextAllowed(Instant at, List<QuietHours> windows, HolidayCalendar calendar) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(calendar, "calendar");
        List<QuietHours> rules = List.copyOf(windows);
        Instant limit = at.plus(MAX_SEARCH);
        Instant candidate = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (QuietHours rule : rules) {
                if (rule.isQuiet(candidate, calendar)) {
                    candidate = endOfQuiet(rule, candidate, calendar);
                    moved = true;
                    if (candidate.isAfter(limit)) {
                        throw new IllegalStateException("no instant within " + MAX_SEARCH.toDays() + " days after "
                                + at + " is outside every quiet window: " + rules);
                    }
                }
            }
        }
        return candidate;
    }

    /** The first instant after {@code quiet} at which {@code rule}'s current quiet stretch (day or night) is over. */
    static Instant endOfQuiet(QuietHours rule, Instant quiet, HolidayCalendar calendar) {
        ZonedDateTime local = quiet.atZone(rule.zone());
        LocalDate date = local.toLocalDate();
        LocalDateTime end;
        if (rule.isQuietDay(date, calendar)) {
            end = date.plusDays(1).atStartOfDay();
        } else if (rule.wrapsMidnight() && !local.toLocalTime().isBefore(rule.from())) {
            end = LocalDateTime.of(date.plusDays(1), rule.to());
        } else {
            end = LocalDateTime.of(date, rule.to());
        }
        return firstReaching(end, rule.zone(), quiet);
    }

    /**
     * The earliest instant after {@code after} at which the local time in {@code zone} is {@code local}, or, if
     * {@code local} is skipped by a gap, the instant of the gap's transition.
     */
    static Instant firstReaching(LocalDateTime local, ZoneId zone, Instant after) {
        ZoneRules rules = zone.getRules();
        Instant best = null;
        for (ZoneOffset offset : rules.getValidOffsets(local)) {
            Instant instant = local.toInstant(offset);
            if (instant.isAfter(after) && (best == null || instant.isBefore(best))) {
                best = instant;
            }
        }
        if (best == null) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            if (gap != null && gap.isGap() && gap.getInstant().isAfter(after)) {
                best = gap.getInstant();
            }
        }
        if (best == null) {
            // Unreachable with real zone rules: local time that is still before `local` must reach it later.
            throw new IllegalStateException("local time " + local + " in " + zone + " never comes after " + after);
        }
        return best;
    }
}

package org.wayfarer.journey.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.QuietHours;
import org.wayfarer.journey.calendar.SendWindows;
import org.wayfarer.journey.definition.FrequencyCap;

/**
 * When a send may go out: the earliest instant at or after it is due that lies outside every quiet window and
 * keeps every frequency cap, counting the contact's other sends on record (sent, and queued or deferred for later).
 * A send whose slot lies beyond its expiry is dropped. Pure: the caller passes the sends on record; a contact's
 * sends are placed one at a time on its partition, so two never take the same slot.
 */
final class SendSlots {

    /** Placing stops after this many moves (quiet window, then cap, then window…): a cap that never clears. */
    private static final int MAX_MOVES = 200;

    private SendSlots() {
    }

    /** What to do with a send. */
    sealed interface Decision {
    }

    /** Send now. */
    record Now() implements Decision {
    }

    /** Send at {@code at}, which is later than due, because of {@code reason}. */
    record Deferred(Instant at, String reason) implements Decision {
    }

    /** Do not send: its slot lies past its expiry. */
    record Dropped(String reason) implements Decision {
    }

    /** A send of the contact on record: its channel, and when it went or will go out. */
    record Sent(String channel, Instant at) {
    }

    static Decision place(Instant due, String channel, List<QuietHours> windows, List<FrequencyCap> caps,
                          List<Sent> sent, Duration expiry, HolidayCalendar calendar) {
        return place(due, due, channel, windows, caps, sent, expiry, calendar);
    }

    /**
     * Places again a send that was due at {@code due} and holds the slot {@code from}: {@link Now} when
     * {@code from} still keeps every rule, else the first slot after it that does, or {@link Dropped} when that lies
     * past {@code due} plus {@code expiry}.
     */
    static Decision place(Instant from, Instant due, String channel, List<QuietHours> windows,
                          List<FrequencyCap> caps, List<Sent> sent, Duration expiry, HolidayCalendar calendar) {
        Instant at = from;
        String reason = null;
        for (int moves = 0; moves < MAX_MOVES; moves++) {
            Instant open = windows.isEmpty() ? at : SendWindows.nextAllowed(at, windows, calendar);
            if (open.isAfter(at)) {
                reason = "quiet hours";
            }
            Instant free = open;
            for (FrequencyCap cap : caps) {
                if (cap.applies(channel)) {
                    Instant capped = capSlot(free, cap, times(sent, cap));
                    if (capped.isAfter(free)) {
                        reason = "capped at " + cap.max() + " per " + cap.per()
                                + (FrequencyCap.ALL_CHANNELS.equals(cap.channel()) ? "" : " on " + cap.channel());
                        free = capped;
                    }
                }
            }
            if (free.equals(open)) {
                // outside every quiet window (nextAllowed's answer) and within every cap
                return decide(from, due, open, reason, expiry);
            }
            at = free; // a cap moved it: the new instant may be quiet
        }
        return new Dropped("no slot within " + MAX_MOVES + " moves: " + reason);
    }

    private static Decision decide(Instant from, Instant due, Instant at, String reason, Duration expiry) {
        if (!at.isAfter(from)) {
            return new Now();
        }
        if (at.isAfter(due.plus(expiry))) {
            return new Dropped(reason + " until " + at + ", past the expiry " + expiry);
        }
        return new Deferred(at, reason);
    }

    private static List<Instant> times(List<Sent> sent, FrequencyCap cap) {
        List<Instant> times = new ArrayList<>();
        for (Sent one : sent) {
            if (cap.applies(one.channel())) {
                times.add(one.at());
            }
        }
        times.sort(null);
        return times;
    }

    /**
     * The earliest instant at or after {@code t} where one more send keeps every window of {@code per} at no more
     * than {@code max}: the window ending at {@code t}, and those ending at sends already placed within
     * {@code per} after it.
     */
    static Instant capSlot(Instant t, FrequencyCap cap, List<Instant> times) {
        Instant candidate = t;
        for (int moves = 0; moves < MAX_MOVES; moves++) {
            Instant blockedFrom = null;
            for (Instant end : windowEnds(candidate, cap.per(), times)) {
                Instant start = end.minus(cap.per());
                List<Instant> inWindow = times.stream().filter(x -> x.isAfter(start) && !x.isAfter(end)).toList();
                if (inWindow.size() + 1 > cap.max()) {
                    blockedFrom = inWindow.get(0);
                    break;
                }
            }
            if (blockedFrom == null) {
                return candidate;
            }
            Instant next = blockedFrom.plus(cap.per());
            candidate = next.isAfter(candidate) ? next : candidate.plusMillis(1);
        }
        return candidate;
    }

    private static List<Instant> windowEnds(Instant candidate, Duration per, List<Instant> times) {
        List<Instant> ends = new ArrayList<>();
        ends.add(candidate);
        for (Instant x : times) {
            if (x.isAfter(candidate) && x.isBefore(candidate.plus(per))) {
                ends.add(x);
            }
        }
        return ends;
    }
}

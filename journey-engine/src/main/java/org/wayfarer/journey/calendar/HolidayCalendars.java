package org.wayfarer.journey.calendar;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calendar in force, swapped whole. Readers take {@link #current()} once per decision and keep using that
 * snapshot, so a replacement in the middle of a computation cannot mix two calendars.
 *
 * <p>A bad file never gets in: {@link HolidayCalendar#withYear} validates before anything is swapped, and a failed
 * {@link #replaceYear} leaves the snapshot as it was. Thread-safe.
 */
public final class HolidayCalendars {

    private final AtomicReference<HolidayCalendar> current;
    private final Map<Long, HolidayCalendar> tenants = new ConcurrentHashMap<>();

    /** Starts from {@link HolidayCalendar#bundled()}. */
    public HolidayCalendars() {
        this(HolidayCalendar.bundled());
    }

    public HolidayCalendars(HolidayCalendar initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public HolidayCalendar current() {
        return current.get();
    }

    /** The calendar of {@code tenantId}: the one it uploaded years into, else {@link #current()}. */
    public HolidayCalendar forTenant(long tenantId) {
        HolidayCalendar own = tenants.get(tenantId);
        return own != null ? own : current.get();
    }

    /**
     * Adds or replaces one year file in the tenant's calendar (starting from {@link #current()}), atomically.
     *
     * @throws InvalidHolidayCalendarException if the file is invalid; the tenant's calendar is then unchanged
     */
    public HolidayCalendar replaceYear(long tenantId, byte[] json) {
        Objects.requireNonNull(json, "json");
        return tenants.compute(tenantId, (id, own) -> (own != null ? own : current.get()).withYear(json));
    }

    /** Puts {@code next} in force and returns the calendar it replaced. */
    public HolidayCalendar replace(HolidayCalendar next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /**
     * Adds or replaces one year file in the calendar in force, atomically: two admins uploading different years at
     * once both land. Returns the new calendar.
     *
     * @throws InvalidHolidayCalendarException if the file is invalid; the calendar in force is then unchanged
     */
    public HolidayCalendar replaceYear(byte[] json) {
        Objects.requireNonNull(json, "json");
        // withYear is pure, so updateAndGet may safely re-run it if another replacement wins the race.
        return current.updateAndGet(calendar -> calendar.withYear(json));
    }
}

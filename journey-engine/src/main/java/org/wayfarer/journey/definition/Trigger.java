package org.wayfarer.journey.definition;

/**
 * What makes contacts enter the journey: exactly one of a contact event ({@code event}, with an optional {@code when}
 * condition), a {@link Schedule} (every contact of {@code segment} at each fire time) or a {@link DateRule} (each
 * contact at a date of its own, optionally only the contacts of {@code segment}).
 *
 * @param event    the event type of an event trigger; null for the other kinds
 * @param when     nullable: every event of the type (event triggers only)
 * @param schedule nullable; set for a schedule trigger
 * @param date     nullable; set for a date-attribute trigger
 * @param segment  the saved segment's key: required with a schedule, optional with a date rule, null otherwise
 */
public record Trigger(String event, Expression when, Schedule schedule, DateRule date, String segment) {

    /** The {@code trigger_event} a schedule trigger is indexed under; no event type has this form. */
    public static final String SCHEDULE_KEY = "@schedule";
    /** The {@code trigger_event} a date trigger is indexed under; no event type has this form. */
    public static final String DATE_KEY = "@date";

    /** An event trigger. */
    public Trigger(String event, Expression when) {
        this(event, when, null, null, null);
    }

    /** Whether contacts enter by time (a schedule or a date rule) rather than on an event. */
    public boolean timed() {
        return schedule != null || date != null;
    }

    /**
     * What a published version is indexed under: the event type, or {@link #SCHEDULE_KEY} / {@link #DATE_KEY}, which
     * never match an event.
     */
    public String indexKey() {
        if (schedule != null) {
            return SCHEDULE_KEY;
        }
        return date != null ? DATE_KEY : event;
    }
}

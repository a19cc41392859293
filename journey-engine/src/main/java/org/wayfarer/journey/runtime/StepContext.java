package org.wayfarer.journey.runtime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.definition.Facts;

/**
 * What a node behaviour may look at: the facts (contact, triggering event, what the instance remembers), the engine
 * clock's now, the id of the instance taking the step (a split's draw is a function of it, so a replayed step draws
 * the same path) and the holiday calendar (China's working days for {@code workdays}).
 */
public record StepContext(Facts facts, Instant now, long instanceId, HolidayCalendar calendar) {

    /** The zone of contacts without a valid {@code timezone} attribute. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** A context on the bundled calendar. */
    public StepContext(Facts facts, Instant now, long instanceId) {
        this(facts, now, instanceId, HolidayCalendar.bundled());
    }

    /** The contact's zone: its {@code timezone} attribute when that is a zone id, else {@link #DEFAULT_ZONE}. */
    public ZoneId contactZone() {
        return zoneOf(facts);
    }

    /** {@link #contactZone()} of these facts. */
    static ZoneId zoneOf(Facts facts) {
        Object attributes = facts.contact().get("attributes");
        return attributes instanceof Map<?, ?> map ? zoneOf(map) : DEFAULT_ZONE;
    }

    /**
     * The zone of a contact with these attributes: its {@code timezone} attribute when that is a zone id, else
     * {@link #DEFAULT_ZONE}. What {@code wait timeOfDay} and date triggers go by.
     */
    public static ZoneId zoneOf(Map<?, ?> attributes) {
        Object zone = attributes.get("timezone");
        if (zone instanceof String id && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return DEFAULT_ZONE;
            }
        }
        return DEFAULT_ZONE;
    }
}

package org.wayfarer.journey.definition;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Hours in which no message goes out, e.g. 21:30 to 08:30 (wrapping past midnight); with {@code holidays} China's
 * statutory holidays are quiet all day. A send that falls inside waits for the window to open.
 *
 * @param zone nullable: the contact's zone (attribute {@code timezone}, default Asia/Shanghai)
 */
public record QuietHoursRule(LocalTime from, LocalTime to, ZoneId zone, boolean holidays) {

    public QuietHoursRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " are empty or all day;"
                    + " give two different times, e.g. 21:30 to 08:30");
        }
    }
}

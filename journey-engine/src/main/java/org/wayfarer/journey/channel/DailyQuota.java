package org.wayfarer.journey.channel;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A provider's daily call quota for one account: at most {@code max} sends per day, the day starting at midnight in
 * {@code zone} (WeChat's template quota, 100,000 a day by default, resets at 00:00 Beijing time). The dispatcher
 * defers a send over the quota to the next day instead of calling and being refused.
 */
public record DailyQuota(long max, ZoneId zone) {

    public DailyQuota {
        Objects.requireNonNull(zone, "zone");
        if (max < 1) {
            throw new IllegalArgumentException("a daily quota must allow at least one send, was " + max);
        }
    }
}

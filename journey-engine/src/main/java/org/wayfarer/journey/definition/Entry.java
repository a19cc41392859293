package org.wayfarer.journey.definition;

import java.time.Duration;

/**
 * How often a contact may enter; {@code key} (nullable) makes entry unique per evaluated key, e.g. an order id;
 * {@code minInterval} (nullable) is the least time between two entries of one contact (a loop guard for journeys
 * that trigger on their own effects).
 */
public record Entry(EntryPolicy policy, Expression key, Duration minInterval) {

    /** An entry without a minimum interval. */
    public Entry(EntryPolicy policy, Expression key) {
        this(policy, key, null);
    }
}

package org.wayfarer.journey.definition;

/** How often a contact may enter; {@code key} (nullable) makes entry unique per evaluated key, e.g. an order id. */
public record Entry(EntryPolicy policy, Expression key) {
}

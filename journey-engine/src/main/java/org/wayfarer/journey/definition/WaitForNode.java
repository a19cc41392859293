package org.wayfarer.journey.definition;

import java.time.Duration;

/**
 * Waits for the contact to do something: an {@code event} of a type (with an optional {@code when} filter on it),
 * or a {@code condition} on the contact that is checked on arrival and again on each of the contact's events (an
 * attribute change is an event too). Exactly one of {@code event} and {@code condition} is set. When it happens the
 * instance goes on at {@code next}, and an awaited event is {@code waited.<id>} to later nodes; after
 * {@code timeout} (nullable: no timeout) it goes on at {@code timeoutNext}. Either link may be null: the path ends.
 */
public record WaitForNode(String id, String event, Expression when, Expression condition, Duration timeout,
                          String next, String timeoutNext) implements Node {
}

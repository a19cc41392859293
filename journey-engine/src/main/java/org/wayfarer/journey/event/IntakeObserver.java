package org.wayfarer.journey.event;

import java.util.List;

/**
 * Sees the events the intake stores, inside the transaction that stores them (port; channels implement it). For
 * figures that must agree exactly with the event log, such as the follows each QR code brought: written in the same
 * commit as the events, they count every stored event once, never a duplicate, and roll back with the events when
 * the write fails.
 *
 * <p>Called on the intake's writer thread with the new events of one write (never duplicates), before the commit. A
 * batch that fails as a whole is written again event by event, and each event is observed again in its own
 * transaction, the failed batch's observation having rolled back with it. Whatever runs here delays every callback's
 * answer: keep it to a few indexed statements on the same database, in a fixed order (other nodes' writers run the
 * same statements). An exception fails the write; its callers are told the event was not stored, and retry.
 */
@FunctionalInterface
public interface IntakeObserver {

    /** Observes nothing. */
    IntakeObserver NONE = events -> {
    };

    /** @param events the events about to be committed, in the order they were handed over; not empty */
    void stored(List<ContactEvent> events);
}

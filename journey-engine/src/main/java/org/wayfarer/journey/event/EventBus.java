package org.wayfarer.journey.event;

import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Carries work to the per-contact consumers (port). Embedded mode: in-process partitioned workers that read the
 * event log's pending rows, so a lost signal only delays processing until the next sweep; cluster mode: an ordered
 * broker topic. Both routes are safe to repeat: processing an event is guarded by its PENDING status, a wake-up by the
 * instance's status, wake-at and version.
 */
public interface EventBus {

    /** The event was committed to the log in {@code partition}; process it soon. Never blocks on processing. */
    void published(long eventId, int partition);

    /** A claimed timer is due; resume the instance on its contact's consumer. Never blocks on processing. */
    void wakeUp(DueWakeup wakeup);
}

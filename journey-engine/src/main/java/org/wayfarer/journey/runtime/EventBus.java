package org.wayfarer.journey.runtime;

/**
 * Carries work to the per-contact consumers (port): everything of one contact goes to the consumer of its
 * {@link Partitions partition}. Embedded mode: in-process partition workers that read the event log's pending rows,
 * so a lost signal only delays processing until the next sweep; cluster mode: an ordered broker topic. Both routes
 * are safe to repeat: processing an event is guarded by its PENDING status, a wake-up by the instance's status,
 * wake-at and version.
 */
public interface EventBus {

    /** The event was committed to the log in {@code partition}; process it soon. Never blocks on processing. */
    void published(long eventId, int partition);

    /**
     * A claimed timer is due; resume the instance on its contact's consumer. Never blocks: returns false when the
     * consumer's queue is full, and the caller keeps the wake-up and offers it again later.
     */
    boolean wakeUp(InstanceStore.DueWakeup wakeup);
}

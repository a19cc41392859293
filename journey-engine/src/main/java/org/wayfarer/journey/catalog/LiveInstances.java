package org.wayfarer.journey.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * What the journey lifecycle does to a journey's instances (port; the runtime implements it). Each method walks the
 * journey's instances a page at a time (at most 1,000 per transaction, by an id cursor or the held-timer index, never
 * all in memory) in transactions of its own, so it must be called outside a transaction. Every write is conditional
 * on the instance's version as read, so a concurrent step always wins and the instance it changed is skipped (or, for
 * a stop, ended on the next pass). Thread-safe; the three may run for different journeys at once.
 */
public interface LiveInstances {

    /**
     * Moves every instance of a version older than {@code toVersion} that is WAITING at a node named by a key of
     * {@code moves} to the node its value names, in {@code toVersion}: journey version and current node change, the
     * wake-up time (held or not) and context stay, and the instance gets a {@code MIGRATED} step
     * ({@code v<old>:<node> -> v<new>:<node>}). The map must have been checked ({@link MigrationMap}).
     *
     * @return how many instances moved
     */
    int migrate(long tenantId, long journeyId, int toVersion, Map<String, String> moves);

    /**
     * Ends every live (ACTIVE or WAITING) instance of every version of the journey as EXITED with end reason
     * {@value #STOPPED}, each with its step and the journey's {@code exited} counter, like any other end. Repeats its
     * pass until one finds nothing live, so an instance that moved on concurrently (or entered just as the journey
     * stopped) is ended too.
     *
     * @return how many instances ended
     * @throws IllegalStateException when instances are still live after a few passes; stopping again finishes it
     */
    int stopAll(long tenantId, long journeyId);

    /**
     * Puts back every timer of the journey that was held during its pause: each instance's wake-up time is its held
     * one again, so those due during the pause run at once, with a {@code RESUMED_LATE} step naming how late they are
     * and why ({@code paused from <pausedAt> to <resumedAt>}). Earliest due first.
     *
     * @return how many timers were released
     */
    int releaseHeld(long tenantId, long journeyId, Instant pausedAt, Instant resumedAt);

    /** End reason of an instance ended by {@link #stopAll}. */
    String STOPPED = "stopped";
}

package org.wayfarer.journey.runtime;

import java.util.List;
import java.util.function.Supplier;

/**
 * Serialises work on contacts (port): one contact is never processed by two threads or nodes at once. Embedded mode
 * stripes in-process locks; cluster mode uses a distributed lock. Optimistic versions on contact and instance rows
 * remain the last guard if a lock is ever lost.
 *
 * <p>Every caller takes the locks of all the contacts it writes before its transaction begins, in ascending contact
 * id order, so two writers can never wait for each other in a cycle.
 */
public interface ContactLocks {

    /** Runs {@code work} while holding the contact's lock; blocks until the lock is free. Reentrant. */
    default <T> T withLock(long tenantId, long contactId, Supplier<T> work) {
        return withLocks(List.of(contactId), work);
    }

    /**
     * Runs {@code work} while holding the locks of every contact in {@code contactIds} (ascending, no duplicates),
     * taken in that order; blocks until all are free. Reentrant.
     */
    <T> T withLocks(List<Long> contactIds, Supplier<T> work);
}

package org.wayfarer.journey.runtime;

import java.util.function.Supplier;

/**
 * Serialises work on one contact (port): one contact is never processed by two threads or nodes at once. Embedded
 * mode stripes in-process locks; cluster mode uses a distributed lock. Optimistic locking on instance rows remains the
 * last guard if a lock is ever lost.
 */
public interface ContactLocks {

    /** Runs {@code work} while holding the contact's lock; blocks until the lock is free. Reentrant. */
    <T> T withLock(long tenantId, long contactId, Supplier<T> work);
}

package org.wayfarer.journey.infra.embedded;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.wayfarer.journey.runtime.ContactLocks;

/**
 * In-process contact locks for embedded mode: a fixed array of reentrant locks indexed by contact hash. Two contacts
 * may share a stripe (they then wait for each other briefly); one contact always maps to the same stripe.
 */
public final class StripedContactLocks implements ContactLocks {

    private final ReentrantLock[] stripes;

    public StripedContactLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public <T> T withLock(long tenantId, long contactId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(contactId * 0x9E3779B97F4A7C15L), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

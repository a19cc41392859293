package org.wayfarer.journey.infra.embedded;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.wayfarer.journey.runtime.ContactLocks;
import org.wayfarer.journey.runtime.Partitions;

/**
 * In-process contact locks for embedded mode: a fixed array of reentrant locks, each partition owning its own range
 * of stripes. A contact always maps to the same stripe inside its partition's range, so two partition workers never
 * share a stripe (they never wait for each other) while anyone else writing a contact (the admin API) waits for the
 * partition that owns it. Stripes are taken in ascending stripe order, whatever order the contacts come in, so lockers
 * cannot deadlock.
 */
public final class StripedContactLocks implements ContactLocks {

    private final Partitions partitions;
    private final int stripesPerPartition;
    private final ReentrantLock[] stripes;

    public StripedContactLocks(Partitions partitions, int stripesPerPartition) {
        if (stripesPerPartition < 1) {
            throw new IllegalArgumentException("at least one stripe per partition");
        }
        this.partitions = partitions;
        this.stripesPerPartition = stripesPerPartition;
        this.stripes = new ReentrantLock[partitions.count() * stripesPerPartition];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public <T> T withLocks(List<Long> contactIds, Supplier<T> work) {
        BitSet wanted = new BitSet(stripes.length);
        for (long contactId : contactIds) {
            wanted.set(stripeOf(contactId));
        }
        int taken = 0;
        int[] held = new int[wanted.cardinality()];
        try {
            for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
                stripes[i].lock();
                held[taken++] = i;
            }
            return work.get();
        } finally {
            for (int i = taken - 1; i >= 0; i--) {
                stripes[held[i]].unlock();
            }
        }
    }

    int stripeOf(long contactId) {
        int within = Math.floorMod(Long.hashCode(contactId * 0x9E3779B97F4A7C15L), stripesPerPartition);
        return partitions.ofContact(contactId) * stripesPerPartition + within;
    }
}

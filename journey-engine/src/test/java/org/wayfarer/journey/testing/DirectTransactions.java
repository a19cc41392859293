package org.wayfarer.journey.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.wayfarer.journey.Transactions;

/**
 * {@link Transactions} that runs the work directly on the calling thread, for unit tests; the real adapters are covered
 * by the store contracts. Nothing is rolled back (the in-memory stores have nothing to roll back), but it counts the
 * outermost transactions and knows whether one is open, so a test can tell which writes shared one. Thread-safe.
 */
public final class DirectTransactions implements Transactions {

    private final AtomicInteger started = new AtomicInteger();
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        int outer = depth.get();
        if (outer == 0) {
            started.incrementAndGet();
        }
        depth.set(outer + 1);
        try {
            return work.get();
        } finally {
            depth.set(outer);
        }
    }

    /** How many outermost transactions have begun so far; nested calls join and are not counted. */
    public int started() {
        return started.get();
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean isOpen() {
        return depth.get() > 0;
    }
}

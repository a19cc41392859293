package org.wayfarer.journey.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the send pool can take right now. A slot is taken before a row is claimed and given back once the row's
 * receipt is durable (or the claim came to nothing), so the dispatcher never claims a row that would wait in a queue
 * until its lease runs out, and the receipts held in memory are bounded too. Thread-safe.
 */
final class SendSlots {

    private final AtomicInteger free;

    SendSlots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("send capacity must be at least 1, was " + capacity);
        }
        this.free = new AtomicInteger(capacity);
    }

    /** Takes up to {@code wanted} slots; returns how many were taken (possibly none). */
    int take(int wanted) {
        while (true) {
            int available = free.get();
            int n = Math.min(available, wanted);
            if (n <= 0) {
                return 0;
            }
            if (free.compareAndSet(available, available - n)) {
                return n;
            }
        }
    }

    void give(int n) {
        if (n > 0) {
            free.addAndGet(n);
        }
    }

    int free() {
        return free.get();
    }
}

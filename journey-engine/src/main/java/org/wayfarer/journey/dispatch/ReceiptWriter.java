package org.wayfarer.journey.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of receipts: send threads hand their receipt over and go back to work; whichever thread finds no write
 * under way writes everything queued (up to a batch) in one {@link Outbox#settle} transaction, and goes on while more
 * arrived meanwhile. No thread of its own and no timer: at low load a receipt is written by the thread that produced
 * it, at once. A failed write keeps its batch for the next attempt (the next receipt, or the sweep calling
 * {@link #drain}); until then the rows stay SENDING under their lease. Thread-safe.
 */
final class ReceiptWriter {

    private static final Logger log = LoggerFactory.getLogger(ReceiptWriter.class);

    private final Outbox outbox;
    private final String owner;
    private final Clock clock;
    private final int batchSize;
    private final IntConsumer written;
    private final Queue<OutboxReceipt> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile List<OutboxReceipt> unwritten = List.of();

    /** @param written told how many receipts became durable, after the write (outside the writer's lock) */
    ReceiptWriter(Outbox outbox, String owner, Clock clock, int batchSize, IntConsumer written) {
        this.outbox = outbox;
        this.owner = owner;
        this.clock = clock;
        this.batchSize = batchSize;
        this.written = written;
    }

    void submit(OutboxReceipt receipt) {
        queue.add(receipt);
        drain();
    }

    /** Writes what is queued, and any batch a failed write left behind, unless another thread is writing. */
    void drain() {
        // a thread that fails to get the lock leaves its receipt to the writer, which re-checks the queue after unlock
        while ((!queue.isEmpty() || !unwritten.isEmpty()) && writing.tryLock()) {
            int count;
            try {
                count = writeOnce();
            } finally {
                writing.unlock();
            }
            if (count < 0) {
                return;
            }
            written.accept(count);
        }
    }

    /** Returns how many receipts were written, or -1 when the write failed (the batch is kept). */
    private int writeOnce() {
        List<OutboxReceipt> batch = new ArrayList<>(unwritten);
        for (OutboxReceipt next; batch.size() < batchSize && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            int applied = outbox.settle(owner, batch, clock.instant());
            unwritten = List.of();
            if (applied < batch.size()) {
                log.info("{} of {} receipts found their row no longer under this lease (expired, re-queued or"
                        + " settled elsewhere) and were not applied", batch.size() - applied, batch.size());
            }
            return batch.size();
        } catch (RuntimeException e) {
            unwritten = List.copyOf(batch);
            log.warn("writing {} outbox receipts failed; trying again with the next receipt or sweep", batch.size(),
                    e);
            return -1;
        }
    }
}

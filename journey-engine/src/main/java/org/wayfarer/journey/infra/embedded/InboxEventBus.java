package org.wayfarer.journey.infra.embedded;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.runtime.BatchProcessor;
import org.wayfarer.journey.runtime.EventBus;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.Partitions;

/**
 * Embedded event bus: one worker thread per partition. A worker takes its partition's PENDING rows from the event log
 * (the inbox, in id order) and the wake-ups queued for it, and processes them as one batch ({@link BatchProcessor}).
 * A signal after each intake commit makes the worker look at once; a periodic sweep finds rows whose signal was lost
 * in a crash. Nothing lives only in memory: a signal or wake-up lost with the process is recovered from the database.
 * The poison handling (item by item re-runs, backoff, FAILED) is {@link PartitionWorker}'s.
 */
public final class InboxEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxEventBus.class);

    /**
     * @param batchSize          most events, and most wake-ups, in one batch
     * @param wakeupQueue        wake-ups a partition holds before {@link #wakeUp} refuses more
     * @param maxAttempts        attempts before a failing event gives up as FAILED, or a failing wake-up ends its
     *                           instance FAILED
     * @param firstRetryDelay    backoff after the first failure, doubled after each further one
     */
    public record Settings(Duration sweepInterval, int batchSize, int wakeupQueue, int maxAttempts,
                           Duration firstRetryDelay, Duration maxRetryDelay) {
    }

    private final Partitions partitions;
    private final EventLog events;
    private final BatchProcessor processor;
    private final Clock clock;
    private final Settings settings;
    private volatile List<Worker> workers = List.of();

    public InboxEventBus(Partitions partitions, EventLog events, BatchProcessor processor, Clock clock,
                         Settings settings) {
        this.partitions = partitions;
        this.events = events;
        this.processor = processor;
        this.clock = clock;
        this.settings = settings;
    }

    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        int moved = PartitionRouting.rerouteToCurrentCount(events, partitions);
        if (moved > 0) {
            log.info("moved {} pending events to their partitions among {}", moved, partitions.count());
        }
        List<Worker> started = new ArrayList<>();
        for (int p = 0; p < partitions.count(); p++) {
            Worker worker = new Worker(new PartitionWorker(p, events, processor, clock, settings));
            started.add(worker);
            Thread thread = new Thread(worker, "wayfarer-partition-" + p);
            worker.thread = thread;
            thread.start();
        }
        workers = List.copyOf(started);
    }

    /** How many partitions (worker threads) this bus runs. */
    public int partitionCount() {
        return partitions.count();
    }

    /** Before start and after close there are no workers: the row waits in the inbox for the next start's drain. */
    @Override
    public void published(long eventId, int partition) {
        List<Worker> current = workers;
        if (!current.isEmpty()) {
            current.get(partition).signal();
        }
    }

    /** Without workers the wake-up is refused; its claim expires and the timer is claimed again later. */
    @Override
    public boolean wakeUp(DueWakeup wakeup) {
        List<Worker> current = workers;
        if (current.isEmpty()) {
            return false;
        }
        Worker worker = current.get(partitions.ofContact(wakeup.contactId()));
        if (!worker.wakeups.offer(wakeup)) {
            return false;
        }
        worker.signal();
        return true;
    }

    @Override
    public synchronized void close() {
        List<Worker> stopping = workers;
        workers = List.of();
        for (Worker worker : stopping) {
            worker.running = false;
            worker.signal();
        }
        for (Worker worker : stopping) {
            try {
                worker.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker implements Runnable {
        private final PartitionWorker partition;
        private final BlockingQueue<DueWakeup> wakeups;
        private final BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(1);
        private final AtomicBoolean signalled = new AtomicBoolean();
        private volatile boolean running = true;
        private Thread thread;

        Worker(PartitionWorker partition) {
            this.partition = partition;
            this.wakeups = new ArrayBlockingQueue<>(settings.wakeupQueue());
        }

        void signal() {
            if (signalled.compareAndSet(false, true)) {
                signals.offer(Boolean.TRUE);
            }
        }

        /** Never lets the thread die: whatever a round throws (an Error included) is logged and the loop goes on. */
        @Override
        public void run() {
            while (running) {
                try {
                    partition.drain(wakeups);
                } catch (Throwable e) {
                    log.error("partition {} worker round failed; it carries on at the next signal or sweep",
                            partition.partition(), e);
                }
                try {
                    signals.poll(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signalled.set(false);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

package org.wayfarer.journey.infra.embedded;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.event.EventBus;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Partitions;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.ContactEventProcessor;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.WakeupProcessor;

/**
 * Embedded event bus: one worker thread per partition reads that partition's PENDING rows from the event log (the
 * inbox) in id order and processes them one by one, so a contact's events are handled serially and in order. A
 * signal after each commit makes the worker look at once; a periodic sweep finds rows whose signal was lost in a
 * crash. Timer wake-ups travel the same workers (by contact id). Nothing lives only in memory: a signal or wake-up
 * lost with the process is recovered from the database.
 */
public final class InboxEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxEventBus.class);
    private static final Object EVENTS = new Object();
    private static final Object STOP = new Object();
    private static final int MAX_ATTEMPTS = 5;

    private final Partitions partitions;
    private final EventLog events;
    private final ContactEventProcessor eventProcessor;
    private final WakeupProcessor wakeupProcessor;
    private final Clock clock;
    private final Duration sweepInterval;
    private final int batchSize;
    private volatile List<Worker> workers = List.of();

    public InboxEventBus(Partitions partitions, EventLog events, ContactEventProcessor eventProcessor,
                         WakeupProcessor wakeupProcessor, Clock clock, Duration sweepInterval, int batchSize) {
        this.partitions = partitions;
        this.events = events;
        this.eventProcessor = eventProcessor;
        this.wakeupProcessor = wakeupProcessor;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.batchSize = batchSize;
    }

    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        List<Worker> started = new ArrayList<>();
        for (int p = 0; p < partitions.count(); p++) {
            Worker worker = new Worker(p);
            started.add(worker);
            Thread thread = new Thread(worker, "wayfarer-partition-" + p);
            worker.thread = thread;
            thread.start();
        }
        workers = List.copyOf(started);
    }

    /** Before start and after close there are no workers: the row waits in the inbox for the next start's drain. */
    @Override
    public void published(long eventId, int partition) {
        List<Worker> current = workers;
        if (!current.isEmpty()) {
            current.get(partition).signalEvents();
        }
    }

    /** Without workers the claim simply expires and the timer is claimed again later. */
    @Override
    public void wakeUp(DueWakeup wakeup) {
        List<Worker> current = workers;
        if (!current.isEmpty()) {
            current.get(partitions.ofContact(wakeup.contactId())).queue.offer(wakeup);
        }
    }

    @Override
    public synchronized void close() {
        List<Worker> stopping = workers;
        workers = List.of();
        for (Worker worker : stopping) {
            worker.queue.offer(STOP);
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
        private final int partition;
        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final AtomicBoolean signalled = new AtomicBoolean();
        private Thread thread;

        Worker(int partition) {
            this.partition = partition;
        }

        void signalEvents() {
            if (signalled.compareAndSet(false, true)) {
                queue.offer(EVENTS);
            }
        }

        @Override
        public void run() {
            drainEvents();
            while (true) {
                Object signal;
                try {
                    signal = queue.poll(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (signal == STOP) {
                    return;
                }
                if (signal instanceof DueWakeup wakeup) {
                    resume(wakeup);
                } else {
                    signalled.set(false);
                    drainEvents();
                }
            }
        }

        private void drainEvents() {
            while (true) {
                List<StoredEvent> pending;
                try {
                    pending = events.pending(partition, batchSize);
                } catch (RuntimeException e) {
                    log.error("partition {} could not read its inbox; retrying at the next sweep", partition, e);
                    return;
                }
                for (StoredEvent event : pending) {
                    if (!processOne(event)) {
                        return; // leave the rest for the next sweep rather than spin on a failing event
                    }
                }
                if (pending.size() < batchSize) {
                    return;
                }
            }
        }

        private boolean processOne(StoredEvent event) {
            try {
                eventProcessor.process(event);
                return true;
            } catch (RuntimeException e) {
                boolean giveUp = event.attempts() + 1 >= MAX_ATTEMPTS;
                log.error("event {} ({}) failed on attempt {}{}", event.id(), event.event().type(),
                        event.attempts() + 1, giveUp ? "; giving up, it stays FAILED for inspection" : "", e);
                try {
                    events.markFailed(event.id(), describe(e), giveUp, clock.instant());
                } catch (RuntimeException again) {
                    log.error("could not record the failure of event {}", event.id(), again);
                }
                return false;
            }
        }

        private void resume(DueWakeup wakeup) {
            try {
                wakeupProcessor.process(wakeup);
            } catch (RuntimeException e) {
                log.error("resuming instance {} failed; it is retried when its timer lease expires",
                        wakeup.instanceId(), e);
            }
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}

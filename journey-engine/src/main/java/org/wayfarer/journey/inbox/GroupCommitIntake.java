package org.wayfarer.journey.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.contact.IdentityTakenException;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.DedupeKey;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.IntakeObserver;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.runtime.EventBus;
import org.wayfarer.journey.runtime.Partitions;

/**
 * The engine's {@link EventIntake}, with group commit: request threads hand their events to one writer thread, which
 * stores everything handed to it within {@code maxDelay} (or up to a batch; at once when an event comes alone) in
 * ONE transaction — one read for duplicates, one for the identities, multi-row inserts of new contacts, identities and
 * events — and completes each caller after the commit. The contact is resolved here, so the event lands in its
 * contact's partition.
 *
 * <p>A batch that fails as a whole (another node created one of its contacts or stored one of its events at the same
 * moment) is written again event by event, so one event's trouble never fails the others. If the process dies before
 * the commit, no caller was answered; after it, the bus's sweep finds the rows whose signal was lost. An
 * {@link IntakeObserver} sees each write's new events inside its transaction.
 */
public final class GroupCommitIntake implements EventIntake, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitIntake.class);

    /**
     * @param batchSize     most events in one transaction
     * @param maxDelay      how long the writer waits for more events after the first of a batch
     * @param queueCapacity events waiting for the writer before {@link #accept} refuses more
     * @param acceptTimeout how long a caller waits for its commit
     * @param waitWhenAlone whether a lone event on a quiet writer waits {@code maxDelay} for company too; the engine
     *                      says no (see {@link #collect}), tests of what one batch does say yes
     */
    public record Settings(int batchSize, Duration maxDelay, int queueCapacity, Duration acceptTimeout,
                           boolean waitWhenAlone) {
    }

    private record Pending(long id, ContactEvent event, CompletableFuture<IntakeResult> result) {
    }

    /** What became of one event, and its contact's partition when it was stored (to signal that worker). */
    private record Written(IntakeResult result, int partition) {
    }

    private final EventLog eventLog;
    private final ContactResolver resolver;
    private final EventBus bus;
    private final Partitions partitions;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;
    private final IntakeObserver observer;
    private final BlockingQueue<Pending> queue;
    private volatile Thread writer;
    private volatile boolean running;
    /** Size of the writer's previous batch; read and written by the writer thread only. */
    private int lastBatchSize;

    public GroupCommitIntake(EventLog events, ContactResolver resolver, EventBus bus, Partitions partitions,
                             IdGenerator ids, Transactions transactions, Clock clock, Settings settings) {
        this(events, resolver, bus, partitions, ids, transactions, clock, settings, IntakeObserver.NONE);
    }

    /** @param observer sees every write's new events inside the write's transaction */
    public GroupCommitIntake(EventLog events, ContactResolver resolver, EventBus bus, Partitions partitions,
                             IdGenerator ids, Transactions transactions, Clock clock, Settings settings,
                             IntakeObserver observer) {
        this.eventLog = Objects.requireNonNull(events);
        this.resolver = Objects.requireNonNull(resolver);
        this.bus = Objects.requireNonNull(bus);
        this.partitions = Objects.requireNonNull(partitions);
        this.ids = Objects.requireNonNull(ids);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.observer = Objects.requireNonNull(observer);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeLoop, "wayfarer-intake-writer");
        writer.start();
    }

    /**
     * Must not be called inside a caller's transaction. Without a running writer (before start, after close) the
     * event is written on the caller's thread, as a batch of one.
     *
     * @throws IntakeUnavailableException when the event could not be made durable in time
     */
    @Override
    public IntakeResult accept(ContactEvent event) {
        Pending pending = new Pending(ids.nextId(), Objects.requireNonNull(event, "event"), new CompletableFuture<>());
        if (!running) {
            write(List.of(pending));
        } else {
            try {
                if (!queue.offer(pending, settings.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IntakeUnavailableException("the intake queue is full", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IntakeUnavailableException("interrupted while handing the event over", e);
            }
        }
        return await(pending.result());
    }

    private IntakeResult await(CompletableFuture<IntakeResult> result) {
        try {
            return result.get(settings.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IntakeUnavailableException unavailable) {
                throw unavailable;
            }
            // the database failed or refused the write: the caller answers "retry", never "stored"
            throw new IntakeUnavailableException("the event could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("the event was not stored in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    /** Stops taking events after writing every one already handed over. */
    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            running = false;
            current = writer;
            writer = null;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    private void writeLoop() {
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> batch = collect(first);
                    lastBatchSize = batch.size();
                    write(batch);
                }
            } catch (InterruptedException e) {
                return; // close() writes what is still queued
            } catch (Throwable e) {
                log.error("intake writer round failed; carrying on", e);
            }
        }
    }

    /**
     * The first event plus whatever arrives within {@code maxDelay}, up to a batch. A lone event on a quiet writer
     * (nothing else queued, and the last batch was a lone event too) is written at once: at low load nobody else is
     * coming within the window, and waiting for them would add the whole window to that callback's answer. As soon
     * as events arrive while a commit runs, batches have company again and the writer waits for more.
     */
    private List<Pending> collect(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        if (!settings.waitWhenAlone() && batch.size() == 1 && lastBatchSize <= 1) {
            return batch;
        }
        long deadline = System.nanoTime() + settings.maxDelay().toNanos();
        while (batch.size() < settings.batchSize()) {
            long left = deadline - System.nanoTime();
            Pending next = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, settings.batchSize() - batch.size());
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        Map<Pending, Written> results;
        try {
            results = transactions.inTransaction(() -> writeBatch(batch));
        } catch (RuntimeException batchFailure) {
            if (batch.size() > 1) {
                log.debug("intake batch of {} failed ({}); writing it event by event", batch.size(),
                        batchFailure.toString());
            }
            results = new HashMap<>();
            for (Pending pending : batch) {
                try {
                    results.put(pending, writeOne(pending));
                } catch (RuntimeException e) {
                    pending.result().completeExceptionally(e);
                }
            }
        }
        // callers first: their answer is what a callback waits for; a woken worker would compete for the cores
        results.forEach((pending, written) -> pending.result().complete(written.result()));
        results.forEach((pending, written) -> {
            if (written.result() instanceof IntakeResult.Accepted accepted) {
                bus.published(accepted.eventId(), written.partition());
            }
        });
    }

    private Map<Pending, Written> writeBatch(List<Pending> batch) {
        Map<DedupeKey, Long> stored = eventLog.existing(batch.stream().map(p -> DedupeKey.of(p.event())).toList());
        Map<DedupeKey, Long> firstInBatch = new HashMap<>();
        Map<Pending, Written> results = new HashMap<>();
        List<Pending> fresh = new ArrayList<>();
        for (Pending pending : batch) {
            DedupeKey key = DedupeKey.of(pending.event());
            Long existing = stored.containsKey(key) ? stored.get(key) : firstInBatch.get(key);
            if (existing != null) {
                results.put(pending, new Written(new IntakeResult.Duplicate(existing), -1));
            } else {
                firstInBatch.put(key, pending.id());
                fresh.add(pending);
            }
        }
        if (!fresh.isEmpty()) {
            List<Long> contacts = resolver.resolveAll(fresh.stream().map(Pending::event).toList());
            List<EventLog.NewEvent> rows = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                Pending pending = fresh.get(i);
                long contactId = contacts.get(i);
                int partition = partitions.ofContact(contactId);
                rows.add(new EventLog.NewEvent(pending.id(), pending.event(), contactId, partition));
                results.put(pending, new Written(new IntakeResult.Accepted(pending.id()), partition));
            }
            eventLog.appendAll(rows, clock.instant());
            observer.stored(fresh.stream().map(Pending::event).toList());
        }
        return results;
    }

    /** The slow path: one event in its own transaction; a lost race to create its contact is retried once. */
    private Written writeOne(Pending pending) {
        try {
            return transactions.inTransaction(() -> appendOne(pending));
        } catch (IdentityTakenException raced) {
            return transactions.inTransaction(() -> appendOne(pending));
        }
    }

    private Written appendOne(Pending pending) {
        DedupeKey key = DedupeKey.of(pending.event());
        Long existing = eventLog.existing(List.of(key)).get(key);
        if (existing != null) {
            return new Written(new IntakeResult.Duplicate(existing), -1);
        }
        long contactId = resolver.resolve(pending.event());
        int partition = partitions.ofContact(contactId);
        Instant now = clock.instant();
        IntakeResult result = eventLog.append(new EventLog.NewEvent(pending.id(), pending.event(), contactId,
                partition), now);
        if (result instanceof IntakeResult.Accepted) {
            observer.stored(List.of(pending.event()));
        }
        return new Written(result, partition);
    }
}

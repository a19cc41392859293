package org.wayfarer.journey.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.Identity;

/**
 * Brings a segment's stored membership up to date with what its filter selects now, and announces every change as a
 * {@link SegmentEvents#ENTERED} or {@link SegmentEvents#EXITED} event through the {@link EventIntake}, so journeys
 * can trigger on it. Time-window conditions change membership as time passes, which is why refreshes run on a
 * schedule ({@code wayfarer.segments.refresh-interval}) as well as on demand.
 *
 * <p>A refresh merges two streams sorted by contact id, page by page: the current members (the filter, evaluated at
 * the clock's now) and the stored ones. Memory is bounded by the page size, whatever the segment's size. A contact
 * only in the first entered; only in the second exited. The first refresh after a segment is created finds every
 * current member new, and so emits {@code segment.entered} for each.
 *
 * <p>Crash safety: each page of changes is emitted first and then written. Refresh number {@code n} (the segment's
 * completed refreshes plus one) gives every event the dedupe key {@code <segmentId>:<contactId>:<entered|exited>:<n>},
 * and {@code n} only moves on when the refresh completes, so a refresh that dies between the emit and the write is
 * repeated with the same keys: the repeated events are duplicates the intake drops, and the write is done then. A
 * contact whose membership flips twice within refreshes that all fail with the same number is announced once.
 *
 * <p>Thread-safe; refreshes of one segment are serialised within this process (a striped lock), and two processes
 * refreshing one segment at once emit the same keys and write the same rows.
 */
public final class SegmentRefresher {

    private static final Logger log = LoggerFactory.getLogger(SegmentRefresher.class);
    private static final int LOCK_STRIPES = 64;

    private final SegmentStore store;
    private final SegmentEvaluation evaluation;
    private final ContactStore contacts;
    private final EventIntake intake;
    private final Transactions transactions;
    private final Clock clock;
    private final Executor emitter;
    private final int pageSize;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    /** What one refresh found: members now, and how many entered and exited. */
    public record Result(String key, long refreshSeq, long members, long entered, long exited) {
    }

    /**
     * @param emitter  runs the intake calls of one page concurrently, so that the intake's group commit batches them
     *                 ({@code Runnable::run} emits one by one)
     * @param pageSize contact ids per page of each stream, and most changes emitted and written at once
     */
    public SegmentRefresher(SegmentStore store, SegmentEvaluation evaluation, ContactStore contacts,
                            EventIntake intake, Transactions transactions, Clock clock, Executor emitter,
                            int pageSize) {
        this.store = Objects.requireNonNull(store);
        this.evaluation = Objects.requireNonNull(evaluation);
        this.contacts = Objects.requireNonNull(contacts);
        this.intake = Objects.requireNonNull(intake);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.emitter = Objects.requireNonNull(emitter);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Refreshes one segment now, on the calling thread.
     *
     * @throws SegmentNotFoundException when the tenant has no segment with this key
     */
    public Result refresh(long tenantId, String key) {
        Segment segment = (Segments.isKey(key) ? store.find(tenantId, key) : Optional.<Segment>empty())
                .orElseThrow(() -> new SegmentNotFoundException(key));
        return refresh(segment);
    }

    /**
     * Refreshes every segment of every tenant, one after the other; a segment whose refresh fails is logged and left
     * for the next run, the others go on.
     *
     * @return how many segments were refreshed
     */
    public int refreshAll() {
        int refreshed = 0;
        long after = 0;
        List<Segment> batch;
        do {
            batch = store.listAcrossTenants(after, 100);
            for (Segment segment : batch) {
                after = segment.id();
                try {
                    refresh(segment);
                    refreshed++;
                } catch (RuntimeException e) {
                    log.error("refresh of segment {} of tenant {} failed; it is tried again on the next run",
                            segment.id(), segment.tenantId(), e);
                }
            }
        } while (batch.size() == 100);
        return refreshed;
    }

    private Result refresh(Segment listed) {
        ReentrantLock lock = locks[Math.floorMod(Long.hashCode(listed.id()), LOCK_STRIPES)];
        lock.lock();
        try {
            // read again under the lock: a refresh that just completed moved the sequence on
            Segment segment = store.find(listed.tenantId(), listed.key()).orElseThrow(
                    () -> new SegmentNotFoundException(listed.key()));
            return merge(segment);
        } finally {
            lock.unlock();
        }
    }

    private Result merge(Segment segment) {
        long seq = segment.refreshSeq() + 1;
        Instant now = clock.instant();
        long tenant = segment.tenantId();
        Cursor current = new Cursor(after -> evaluation.page(tenant, segment.filter(), now, after, pageSize));
        Cursor stored = new Cursor(after -> store.members(tenant, segment.id(), after, pageSize));
        List<Long> entered = new ArrayList<>();
        List<Long> exited = new ArrayList<>();
        long members = 0;
        long enteredCount = 0;
        long exitedCount = 0;
        long silent = 0;
        while (true) {
            Long is = current.peek();
            Long was = stored.peek();
            if (is == null && was == null) {
                break;
            }
            if (was == null || (is != null && is < was)) {
                entered.add(current.next());
                members++;
            } else if (is == null || was < is) {
                exited.add(stored.next());
            } else {
                current.next();
                stored.next();
                members++;
            }
            if (entered.size() + exited.size() >= pageSize) {
                enteredCount += entered.size();
                exitedCount += exited.size();
                silent += apply(segment, seq, now, entered, exited);
            }
        }
        enteredCount += entered.size();
        exitedCount += exited.size();
        silent += apply(segment, seq, now, entered, exited);
        transactions.run(() -> store.completeRefresh(tenant, segment.id(), segment.refreshSeq(), now));
        if (silent > 0) {
            log.warn("segment {} of tenant {}: {} changed contacts have no identity; their membership changed "
                    + "without an event", segment.id(), tenant, silent);
        }
        if (enteredCount + exitedCount > 0) {
            log.info("segment {} of tenant {} refreshed (#{}): {} members, {} entered, {} exited", segment.id(),
                    tenant, seq, members, enteredCount, exitedCount);
        }
        return new Result(segment.key(), seq, members, enteredCount, exitedCount);
    }

    /** Emits the page's changes, then writes them; clears both lists. Returns how many had no identity. */
    private int apply(Segment segment, long seq, Instant now, List<Long> entered, List<Long> exited) {
        if (entered.isEmpty() && exited.isEmpty()) {
            return 0;
        }
        List<Long> changed = new ArrayList<>(entered);
        changed.addAll(exited);
        Map<Long, List<Identity>> identities = contacts.identitiesOf(changed);
        List<CompletableFuture<?>> accepted = new ArrayList<>(changed.size());
        int silent = 0;
        for (int i = 0; i < changed.size(); i++) {
            long contactId = changed.get(i);
            List<Identity> known = identities.get(contactId);
            if (known == null || known.isEmpty()) {
                silent++;
                continue;
            }
            boolean enters = i < entered.size();
            ContactEvent event = new ContactEvent(segment.tenantId(), SegmentEvents.SOURCE,
                    segment.id() + ":" + contactId + ":" + (enters ? "entered" : "exited") + ":" + seq,
                    enters ? SegmentEvents.ENTERED : SegmentEvents.EXITED, known.get(0), null, now,
                    Map.of(SegmentEvents.PROPERTY, segment.key()), Map.of());
            accepted.add(CompletableFuture.supplyAsync(() -> intake.accept(event), emitter));
        }
        try {
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Long> in = List.copyOf(entered);
        List<Long> out = List.copyOf(exited);
        transactions.run(() -> {
            store.addMembers(segment.tenantId(), segment.id(), in, now);
            store.removeMembers(segment.tenantId(), segment.id(), out);
        });
        entered.clear();
        exited.clear();
        return silent;
    }

    /** One sorted stream of contact ids, read a page at a time. Not thread-safe. */
    private final class Cursor {
        private final LongFunction<List<Long>> fetch;
        private List<Long> page = List.of();
        private int index;
        private boolean exhausted;
        private long last;

        Cursor(LongFunction<List<Long>> fetch) {
            this.fetch = fetch;
        }

        /** The next id without taking it; null at the end. */
        Long peek() {
            if (index == page.size()) {
                if (exhausted) {
                    return null;
                }
                page = fetch.apply(last);
                index = 0;
                exhausted = page.size() < pageSize;
                if (page.isEmpty()) {
                    return null;
                }
            }
            return page.get(index);
        }

        long next() {
            long id = page.get(index++);
            last = id;
            return id;
        }
    }
}

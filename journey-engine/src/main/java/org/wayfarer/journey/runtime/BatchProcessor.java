package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Processes a partition's pending events and due wake-ups as ONE transaction: bulk reads (contacts, their instances
 * and identities, the trigger events of resumed instances), the events in id order and then the wake-ups against
 * that in-memory state, one flush of multi-row writes, commit, then the new sends go to the dispatcher (those it
 * leased inside the transaction straight to the send pool, see {@link SendHandoff}). The contact locks of the whole
 * batch are taken first, in ascending contact order, as everywhere else.
 *
 * <p>All or nothing: if anything fails, nothing of the batch is written and the exception reaches the caller, which
 * re-runs the batch item by item so only the poisoned item fails ({@code InboxEventBus}).
 */
public final class BatchProcessor {

    private final Engine engine;
    private final EventLog events;
    private final ContactResolver resolver;
    private final ContactLocks locks;
    private final Transactions transactions;
    private final SendHandoff handoff;
    private final Clock clock;
    private final ContactEventProcessor eventProcessor;
    private final WakeupProcessor wakeupProcessor;

    public BatchProcessor(Engine engine, EventLog events, ContactResolver resolver, ContactLocks locks,
                          Transactions transactions, SendHandoff handoff, Clock clock) {
        this.engine = Objects.requireNonNull(engine);
        this.events = Objects.requireNonNull(events);
        this.resolver = Objects.requireNonNull(resolver);
        this.locks = Objects.requireNonNull(locks);
        this.transactions = Objects.requireNonNull(transactions);
        this.handoff = Objects.requireNonNull(handoff);
        this.clock = Objects.requireNonNull(clock);
        this.eventProcessor = new ContactEventProcessor(engine);
        this.wakeupProcessor = new WakeupProcessor(engine);
    }

    /**
     * @param pending pending events in id order (the caller read them; each is re-checked by the processed mark)
     * @param wakeups claimed timers; ones no longer due are ignored
     * @return how many sends were handed to the dispatcher, and how many events the batch announced (contact
     *         changes, now pending in the log: the caller processes them next)
     */
    public Result process(List<StoredEvent> pending, List<DueWakeup> wakeups) {
        List<StoredEvent> resolved = withContacts(pending);
        Set<Long> contactIds = new LinkedHashSet<>();
        resolved.forEach(e -> contactIds.add(e.contactId()));
        wakeups.forEach(w -> contactIds.add(w.contactId()));
        List<Long> ordered = contactIds.stream().sorted(Comparator.naturalOrder()).toList();
        AtomicReference<QueuedSends> sends = new AtomicReference<>();
        AtomicInteger announced = new AtomicInteger();
        try {
            locks.withLocks(ordered, () -> transactions.inTransaction(() -> {
                Batch batch = load(ordered, wakeups);
                for (StoredEvent event : resolved) {
                    eventProcessor.handle(event, batch);
                }
                Set<Long> paused = wakeupProcessor.pausedJourneys(wakeups, batch);
                for (DueWakeup wakeup : wakeups) {
                    wakeupProcessor.resume(wakeup, batch, paused);
                }
                batch.flush(events, handoff, sends::set);
                announced.set(batch.announcedCount());
                return null;
            }));
        } catch (RuntimeException | Error e) {
            if (sends.get() != null) {
                handoff.rolledBack(sends.get());
            }
            throw e;
        }
        QueuedSends committed = sends.get();
        if (committed == null) {
            return new Result(0, announced.get());
        }
        handoff.committed(committed);
        return new Result(committed.size(), announced.get());
    }

    /** What a processed batch handed on: sends to the dispatcher, and events it announced into the log. */
    public record Result(int sends, int announced) {
    }

    /**
     * Records that resuming {@code wakeup} failed on its own (the batch was re-run item by item), in a transaction of
     * its own under the contact's lock: with {@code retryAt} its wait is due again then, with its timer lease
     * released; without it the instance ends {@link InstanceStatus#FAILED} (end reason
     * {@value WakeupProcessor#WAKEUP_FAILED}, a step, the journey's {@code failed} counter). Nothing is written when
     * the instance no longer waits on that timer or changed meanwhile: a concurrent resume or exit wins.
     *
     * @param attempts failed attempts of this timer, this one included
     * @param error    what went wrong, cut to 500 characters when stored
     * @return whether the failure was recorded
     */
    public boolean wakeupFailed(DueWakeup wakeup, int attempts, String error, Instant retryAt) {
        return locks.withLocks(List.of(wakeup.contactId()), () -> transactions.inTransaction(() ->
                wakeupProcessor.recordFailure(wakeup, attempts, error, retryAt, clock.instant())));
    }

    private Batch load(List<Long> contactIds, List<DueWakeup> wakeups) {
        List<JourneyInstance> instances = engine.instances().entryState(contactIds);
        Set<Long> triggerIds = new LinkedHashSet<>();
        Set<Long> woken = new LinkedHashSet<>();
        wakeups.forEach(w -> woken.add(w.instanceId()));
        for (JourneyInstance instance : instances) {
            if (woken.contains(instance.id())) {
                triggerIds.add(instance.triggerEventId());
            }
        }
        return new Batch(engine, clock.instant(), engine.contacts().findAll(contactIds), instances,
                engine.contacts().identitiesOf(contactIds), events.findAll(triggerIds), events::find);
    }

    /** Events stored before contacts were resolved at intake carry no contact yet: resolve them now. */
    private List<StoredEvent> withContacts(List<StoredEvent> pending) {
        if (pending.stream().allMatch(e -> e.contactId() != null)) {
            return pending;
        }
        List<StoredEvent> resolved = new ArrayList<>(pending.size());
        for (StoredEvent e : pending) {
            resolved.add(e.contactId() != null ? e : new StoredEvent(e.id(), e.event(), resolver.resolve(e.event()),
                    e.partition(), e.status(), e.attempts(), e.receivedAt(), e.nextAttemptAt(), e.lastError()));
        }
        return resolved;
    }
}

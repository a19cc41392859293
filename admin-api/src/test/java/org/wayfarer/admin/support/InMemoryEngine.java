package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.testing.MutableClock;

/** Every engine port the admin API uses, in memory, so the real engine services can run behind the controllers. */
public final class InMemoryEngine {

    /**
     * First id handed out: beyond 2^53, like real snowflake ids, so tests notice if an id passes through a JSON
     * number and loses digits.
     */
    public static final long FIRST_ID = 7_243_519_830_371_356_672L;

    public final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    public final InMemoryContacts contacts = new InMemoryContacts();
    public final InMemoryEventLog events = new InMemoryEventLog();
    public final InMemoryStepLog steps = new InMemoryStepLog();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryCounters counters = new InMemoryCounters();
    public final InMemoryInstances instances = new InMemoryInstances();
    public static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    private final AtomicLong nextId = new AtomicLong(FIRST_ID);

    public final IdGenerator ids = nextId::getAndIncrement;

    /** No rollback: the doubles have nothing to roll back that the tests look at after a failure. */
    public final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    public void clear() {
        journeys.clear();
        contacts.clear();
        events.clear();
        steps.clear();
        outbox.clear();
        counters.clear();
        instances.clear();
        clock.set(START);
        nextId.set(FIRST_ID);
    }
}

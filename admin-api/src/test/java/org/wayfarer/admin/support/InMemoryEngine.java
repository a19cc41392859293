package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.runtime.EventBus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEntryDecisions;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryInstanceStore;
import org.wayfarer.journey.testing.InMemoryJourneyCounters;
import org.wayfarer.journey.testing.InMemoryJourneyFunnel;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.InMemorySegmentEvaluation;
import org.wayfarer.journey.testing.InMemorySegmentStore;
import org.wayfarer.journey.testing.InMemoryStepLog;
import org.wayfarer.journey.testing.InMemoryTenantSettings;
import org.wayfarer.journey.testing.MutableClock;

/**
 * Every engine port the admin API uses, from the engine's in-memory test kit, so the real engine services can run
 * behind the controllers. One instance lives as long as the Spring test context; {@link #clear} resets it per test.
 */
public final class InMemoryEngine {

    /**
     * First id handed out: beyond 2^53, like real snowflake ids, so tests notice if an id passes through a JSON
     * number and loses digits.
     */
    public static final long FIRST_ID = 7_243_519_830_371_356_672L;
    public static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    /** Instances per page of the lifecycle sweeps (stop, migrate, release). */
    public static final int SWEEP_PAGE_SIZE = 2;

    public final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    public final InMemoryContactStore contacts = new InMemoryContactStore();
    public final InMemoryEventLog events = new InMemoryEventLog();
    public final InMemoryStepLog steps = new InMemoryStepLog();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryJourneyCounters counters = new InMemoryJourneyCounters();
    public final InMemoryInstanceStore instances = new InMemoryInstanceStore();
    public final InMemoryTenantSettings settings = new InMemoryTenantSettings();
    public final InMemoryEntryDecisions decisions = new InMemoryEntryDecisions();
    public final InMemoryJourneyFunnel funnel = new InMemoryJourneyFunnel(steps);
    /** Uploaded holiday calendar files by "tenant/year". */
    public final Map<String, byte[]> calendarFiles = new ConcurrentHashMap<>();
    public final InMemorySegmentStore segments = new InMemorySegmentStore();
    public final InMemorySegmentEvaluation segmentEvaluation = new InMemorySegmentEvaluation(contacts, events);
    /** No rollback: the in-memory ports have nothing to roll back that the tests look at after a failure. */
    public final DirectTransactions transactions = new DirectTransactions();

    public final MutableClock clock = new MutableClock(START);
    private final AtomicLong nextId = new AtomicLong(FIRST_ID);

    public final IdGenerator ids = nextId::getAndIncrement;

    /** Events handed back to the partitions (by a retry), as (event id, partition). */
    public final List<long[]> signalled = new CopyOnWriteArrayList<>();
    public final EventBus bus = new EventBus() {
        @Override
        public void published(long eventId, int partition) {
            signalled.add(new long[] {eventId, partition});
        }

        @Override
        public boolean wakeUp(InstanceStore.DueWakeup wakeup) {
            return false;
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
        settings.clear();
        decisions.clear();
        calendarFiles.clear();
        segments.clear();
        signalled.clear();
        clock.set(START);
        nextId.set(FIRST_ID);
    }
}

package org.wayfarer.journey.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeObserver;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.EventBus;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.Partitions;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.MutableClock;

class GroupCommitIntakeTest {

    private static final String APP = "wx00000000000000a1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final InMemoryEventLog stored = new InMemoryEventLog();
    private final FlakyLog flaky = new FlakyLog(stored);
    private final EventLog events = flaky.log();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final DirectTransactions transactions = new DirectTransactions();
    private final AtomicLong ids = new AtomicLong(100);
    private final Partitions partitions = new Partitions(4);
    private final List<long[]> signals = new CopyOnWriteArrayList<>();
    private final EventBus bus = new EventBus() {
        @Override
        public void published(long eventId, int partition) {
            signals.add(new long[] {eventId, partition});
        }

        @Override
        public boolean wakeUp(DueWakeup wakeup) {
            return false;
        }
    };
    private GroupCommitIntake intake;

    @AfterEach
    void close() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    void storesEveryEventWithItsContactInTheContactsPartitionAndSignalsIt() {
        intake = intake(Duration.ZERO);

        IntakeResult result = intake.accept(follow("oA", "k1"));

        StoredEvent event = stored.find(result.eventId()).orElseThrow();
        long contact = contacts.findByIdentity(1, Identity.wechatOpenid(APP, "oA")).orElseThrow().id();
        assertThat(event.contactId()).isEqualTo(contact);
        assertThat(event.partition()).isEqualTo(partitions.ofContact(contact));
        assertThat(signals).singleElement().satisfies(s -> assertThat(s).containsExactly(event.id(),
                partitions.ofContact(contact)));
    }

    @ParameterizedTest(name = "a lone event waits for company: {0}")
    @ValueSource(booleans = {true, false})
    void concurrentCallersShareCommits(boolean waitWhenAlone) throws Exception {
        intake = intake(Duration.ofMillis(5), waitWhenAlone);
        intake.start();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<IntakeResult>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ContactEvent event = follow("o" + i, "k" + i);
            results.add(callers.submit(() -> intake.accept(event)));
        }
        for (Future<IntakeResult> result : results) {
            assertThat(result.get()).isInstanceOf(IntakeResult.Accepted.class);
        }
        callers.shutdown();

        assertThat(stored.all()).hasSize(400);
        assertThat(transactions.started()).as("commits for 400 events").isLessThan(200);
    }

    @Test
    void aLoneEventIsWrittenAtOnceInsteadOfWaitingTheWindowForCompany() {
        // a writer that waited the window for a lone event would leave this caller past its 5 s accept timeout
        intake = intake(Duration.ofSeconds(30), false);
        intake.start();

        IntakeResult first = intake.accept(follow("oLONE", "k1"));
        IntakeResult second = intake.accept(follow("oLONE", "k2"));

        assertThat(List.of(first, second)).allMatch(r -> r instanceof IntakeResult.Accepted);
        assertThat(stored.all()).hasSize(2);
    }

    @Test
    void aCallbackRetriedWhileItsFirstCopyWaitsInTheSameBatchIsADuplicateOfIt() throws Exception {
        intake = intake(Duration.ofMillis(300));
        intake.start();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        ContactEvent event = follow("oTWICE", "same-key");
        Future<IntakeResult> first = callers.submit(() -> intake.accept(event));
        Future<IntakeResult> second = callers.submit(() -> intake.accept(event));

        List<IntakeResult> both = List.of(first.get(), second.get());
        callers.shutdown();

        assertThat(both).filteredOn(r -> r instanceof IntakeResult.Accepted).hasSize(1);
        long acceptedId = both.stream().filter(r -> r instanceof IntakeResult.Accepted).findFirst().orElseThrow()
                .eventId();
        assertThat(both).contains(new IntakeResult.Duplicate(acceptedId));
        assertThat(stored.all()).hasSize(1);
        assertThat(contacts.findAll(List.of(stored.all().get(0).contactId()))).hasSize(1);
    }

    @Test
    void twoEventsOfOneNewPersonInOneBatchGetOneContact() throws Exception {
        intake = intake(Duration.ofMillis(300));
        intake.start();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<IntakeResult> follow = callers.submit(() -> intake.accept(follow("oNEW", "f")));
        Future<IntakeResult> click = callers.submit(() -> intake.accept(follow("oNEW", "c")));
        long a = follow.get().eventId();
        long b = click.get().eventId();
        callers.shutdown();

        assertThat(stored.find(a).orElseThrow().contactId()).isEqualTo(stored.find(b).orElseThrow().contactId());
    }

    @Test
    void aBatchThatFailsAsAWholeIsWrittenEventByEvent() {
        intake = intake(Duration.ZERO);
        flaky.failNextBatch.set(true);

        IntakeResult result = intake.accept(follow("oRACE", "k"));

        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(stored.find(result.eventId())).isPresent();
        assertThat(intake.accept(follow("oRACE", "k"))).isEqualTo(new IntakeResult.Duplicate(result.eventId()));
    }

    @Test
    void aStoreThatRefusesEveryWriteGivesTheCallerUnavailableNeverStored() {
        intake = intake(Duration.ZERO);
        flaky.failAll.set(true);

        assertThatThrownBy(() -> intake.accept(follow("oDOWN", "k")))
                .isInstanceOf(IntakeUnavailableException.class)
                .hasMessageContaining("could not be stored");
        assertThat(stored.all()).isEmpty();
        assertThat(signals).isEmpty();
    }

    @Test
    void theObserverSeesEachWritesNewEventsButNeverADuplicate() throws Exception {
        List<List<String>> observed = new CopyOnWriteArrayList<>();
        intake = intake(Duration.ofMillis(300), true, events -> observed.add(events.stream()
                .map(ContactEvent::dedupeKey).toList()));
        intake.start();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        Future<IntakeResult> a = callers.submit(() -> intake.accept(follow("oA", "ka")));
        Future<IntakeResult> b = callers.submit(() -> intake.accept(follow("oB", "kb")));
        Future<IntakeResult> again = callers.submit(() -> intake.accept(follow("oA", "ka")));
        List<IntakeResult> results = List.of(a.get(), b.get(), again.get());
        callers.shutdown();

        assertThat(results).filteredOn(r -> r instanceof IntakeResult.Duplicate).hasSize(1);
        assertThat(observed.stream().flatMap(List::stream)).as("the two new events, each once")
                .containsExactlyInAnyOrder("ka", "kb");
        int writes = observed.size();
        intake.accept(follow("oA", "ka"));
        assertThat(observed).as("a later duplicate is not observed").hasSize(writes);
    }

    @Test
    void aBatchWrittenAgainEventByEventIsObservedOnlyByTheWritesThatStoreTheEvents() {
        List<String> observed = new CopyOnWriteArrayList<>();
        intake = intake(Duration.ZERO, false, events -> events.forEach(e -> observed.add(e.dedupeKey())));
        flaky.failNextBatch.set(true);

        IntakeResult result = intake.accept(follow("oRACE", "k"));

        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(observed).containsExactly("k");
        assertThat(intake.accept(follow("oRACE", "k"))).isInstanceOf(IntakeResult.Duplicate.class);
        assertThat(observed).containsExactly("k");
    }

    /**
     * The batch is refused first, so the event-by-event write is the one whose observer fails: these in-memory
     * transactions keep what a failed batch wrote, where the database would roll it back and fail the retry too.
     */
    @Test
    void anObserverThatFailsFailsTheWriteForTheCaller() {
        intake = intake(Duration.ZERO, false, events -> {
            throw new IllegalStateException("tally table unavailable");
        });
        flaky.failNextBatch.set(true);

        assertThatThrownBy(() -> intake.accept(follow("oTALLY", "k")))
                .isInstanceOf(IntakeUnavailableException.class)
                .hasMessageContaining("could not be stored");
        assertThat(signals).as("no worker is told of an event whose write failed").isEmpty();
    }

    @Test
    void aUnionidJoinsTheContactThatAlreadyCarriesIt() {
        intake = intake(Duration.ZERO);
        ContactEvent first = new ContactEvent(1, APP, "u1", "wechat.followed", Identity.wechatOpenid(APP, "oOne"),
                "UNION", clock.instant(), Map.of(), Map.of());
        ContactEvent second = new ContactEvent(1, "wx00000000000000b2", "u2", "wechat.followed",
                Identity.wechatOpenid("wx00000000000000b2", "oTwo"), "UNION", clock.instant(), Map.of(), Map.of());

        long a = intake.accept(first).eventId();
        long b = intake.accept(second).eventId();

        assertThat(stored.find(b).orElseThrow().contactId()).isEqualTo(stored.find(a).orElseThrow().contactId());
    }

    /** A writer that waits {@code maxDelay} even for a lone event, so two callers' events meet in one batch. */
    private GroupCommitIntake intake(Duration maxDelay) {
        return intake(maxDelay, true);
    }

    private GroupCommitIntake intake(Duration maxDelay, boolean waitWhenAlone) {
        return intake(maxDelay, waitWhenAlone, IntakeObserver.NONE);
    }

    private GroupCommitIntake intake(Duration maxDelay, boolean waitWhenAlone, IntakeObserver observer) {
        return new GroupCommitIntake(events, new ContactResolver(contacts, transactions, ids::incrementAndGet, clock),
                bus, partitions, ids::incrementAndGet, transactions, clock,
                new GroupCommitIntake.Settings(64, maxDelay, 1_000, Duration.ofSeconds(5), waitWhenAlone), observer);
    }

    private ContactEvent follow(String openid, String key) {
        return new ContactEvent(1, APP, key, "wechat.followed", Identity.wechatOpenid(APP, openid), null,
                clock.instant(), Map.of("scene", "store_1"), Map.of());
    }

    /** Fails appends on demand, as a batch that lost a race to another node (or a database that is down) would. */
    private static final class FlakyLog implements InvocationHandler {
        final AtomicBoolean failNextBatch = new AtomicBoolean();
        final AtomicBoolean failAll = new AtomicBoolean();
        private final EventLog delegate;

        FlakyLog(EventLog delegate) {
            this.delegate = delegate;
        }

        EventLog log() {
            return (EventLog) Proxy.newProxyInstance(EventLog.class.getClassLoader(), new Class<?>[] {EventLog.class},
                    this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            boolean batch = method.getName().equals("appendAll");
            boolean single = method.getName().equals("append");
            if ((batch && failNextBatch.getAndSet(false)) || ((batch || single) && failAll.get())) {
                throw new IllegalStateException("duplicate key, or the database is down");
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

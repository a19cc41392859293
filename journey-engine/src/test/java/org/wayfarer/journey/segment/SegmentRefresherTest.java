package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.DedupeKey;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemorySegmentEvaluation;
import org.wayfarer.journey.testing.InMemorySegmentStore;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

class SegmentRefresherTest {

    private static final long TENANT = 1;
    private final AtomicLong ids = new AtomicLong(100);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final InMemorySegmentStore store = new InMemorySegmentStore();
    private final CountingEvaluation evaluation = new CountingEvaluation(new InMemorySegmentEvaluation(contacts, events));
    private final RecordingIntake intake = new RecordingIntake();
    private final DirectTransactions transactions = new DirectTransactions();
    private final ExecutorService emitter = Executors.newFixedThreadPool(4);
    private final Segments segments = new Segments(store, evaluation, transactions, ids::incrementAndGet, clock);

    @AfterEach
    void stop() {
        emitter.shutdownNow();
    }

    private SegmentRefresher refresher(SegmentStore segmentStore, int pageSize) {
        return new SegmentRefresher(segmentStore, evaluation, contacts, intake, transactions, clock, emitter, pageSize);
    }

    private final SegmentRefresher refresher = refresher(store, 3);

    @Test
    void theFirstRefreshAnnouncesEveryCurrentMemberAndTheNextNothing() {
        long a = contact(Map.of("level", "gold"));
        long b = contact(Map.of("level", "gold"));
        contact(Map.of("level", "silver"));
        Segment gold = create("gold", "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");

        SegmentRefresher.Result first = refresher.refresh(TENANT, "gold");

        assertThat(first).isEqualTo(new SegmentRefresher.Result("gold", 1, 2, 2, 0));
        assertThat(intake.accepted()).extracting(ContactEvent::type, ContactEvent::dedupeKey).containsExactly(
                tuple("segment.entered", gold.id() + ":" + a + ":entered:1"),
                tuple("segment.entered", gold.id() + ":" + b + ":entered:1"));
        ContactEvent event = intake.accepted().get(0);
        assertThat(event.source()).isEqualTo("segment");
        assertThat(event.properties()).isEqualTo(Map.of("segment", "gold"));
        assertThat(event.identity()).isEqualTo(Identity.wechatOpenid("wx-app", "o" + a));
        assertThat(event.occurredAt()).isEqualTo(clock.instant());
        assertThat(store.members(TENANT, gold.id(), 0, 10)).containsExactly(a, b);

        assertThat(refresher.refresh(TENANT, "gold")).isEqualTo(new SegmentRefresher.Result("gold", 2, 2, 0, 0));
        assertThat(intake.accepted()).hasSize(2);
        assertThat(store.find(TENANT, "gold").orElseThrow().refreshSeq()).isEqualTo(2);
    }

    @Test
    void changedAttributesMakeContactsEnterAndExit() {
        long a = contact(Map.of("level", "gold"));
        long b = contact(Map.of("level", "silver"));
        create("gold", "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        refresher.refresh(TENANT, "gold");

        setAttributes(a, Map.of("level", "silver"));
        setAttributes(b, Map.of("level", "gold"));
        SegmentRefresher.Result result = refresher.refresh(TENANT, "gold");

        assertThat(result).isEqualTo(new SegmentRefresher.Result("gold", 2, 1, 1, 1));
        assertThat(intake.accepted()).extracting(ContactEvent::type, e -> e.dedupeKey().split(":")[1])
                .containsExactly(tuple("segment.entered", "" + a), tuple("segment.entered", "" + b),
                        tuple("segment.exited", "" + a));
    }

    @Test
    void anEventWindowPassingMakesTheContactExitOnTheNextRefresh() {
        long buyer = contact(Map.of());
        order(buyer, clock.instant());
        create("buyers", "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}");
        assertThat(refresher.refresh(TENANT, "buyers").entered()).isEqualTo(1);

        clock.advance(Duration.ofDays(30));
        assertThat(refresher.refresh(TENANT, "buyers").exited()).as("the window's start is included").isZero();

        clock.advance(Duration.ofMillis(1));
        SegmentRefresher.Result result = refresher.refresh(TENANT, "buyers");

        assertThat(result.exited()).isEqualTo(1);
        assertThat(intake.accepted()).extracting(ContactEvent::type).containsExactly("segment.entered",
                "segment.exited");
        assertThat(store.members(TENANT, store.find(TENANT, "buyers").orElseThrow().id(), 0, 10)).isEmpty();
    }

    /** Many members, three ids a page: the merge of the two sorted streams never holds more than a page. */
    @Test
    void mergesBothStreamsPageByPage() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(contact(Map.of("n", i)));
        }
        create("even", "{\"all\": [{\"attribute\": \"n\", \"op\": \"in\", \"value\": [0,2,4,6,8,10,12,14,16,18]}]}");
        refresher.refresh(TENANT, "even");
        for (int i = 0; i < 20; i++) {
            setAttributes(all.get(i), Map.of("n", i % 4 == 0 ? 0 : 1 + i % 2 * 2));
        }

        SegmentRefresher.Result result = refresher.refresh(TENANT, "even");

        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            if (i % 4 == 0) {
                expected.add(all.get(i));
            }
        }
        assertThat(store.members(TENANT, store.find(TENANT, "even").orElseThrow().id(), 0, 100))
                .containsExactlyInAnyOrderElementsOf(expected).isSorted();
        assertThat(result.members()).isEqualTo(5);
        assertThat(result.exited()).isEqualTo(5);
        assertThat(result.entered()).isZero();
        assertThat(evaluation.limits).containsOnly(3);
    }

    /**
     * A refresh that dies after emitting a page and before writing it is repeated with the same refresh number, so
     * the repeated events are duplicates and each change is announced once.
     */
    @Test
    void aRefreshRepeatedAfterAFailedWriteAnnouncesNothingTwice() {
        long a = contact(Map.of("level", "gold"));
        long b = contact(Map.of("level", "gold"));
        create("gold", "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        FailingStore failing = new FailingStore(store);
        failing.failWrites = 1;

        assertThatThrownBy(() -> refresher(failing, 3).refresh(TENANT, "gold"))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(store.find(TENANT, "gold").orElseThrow().refreshSeq()).isZero();

        SegmentRefresher.Result retried = refresher(failing, 3).refresh(TENANT, "gold");

        assertThat(retried.refreshSeq()).isEqualTo(1);
        assertThat(intake.offered()).isEqualTo(4);
        assertThat(intake.accepted()).extracting(e -> e.dedupeKey().split(":")[1]).containsExactly("" + a, "" + b);
        assertThat(store.members(TENANT, store.find(TENANT, "gold").orElseThrow().id(), 0, 10))
                .containsExactly(a, b);
    }

    @Test
    void aContactWithoutIdentityChangesMembershipSilently() {
        long lonely = ids.incrementAndGet();
        contacts.insertAll(List.of(new Contact(lonely, TENANT, Map.of("level", "gold"), clock.instant(),
                clock.instant(), 0)), List.of(), clock.instant());
        Segment gold = create("gold", "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");

        assertThat(refresher.refresh(TENANT, "gold").entered()).isEqualTo(1);
        assertThat(intake.accepted()).isEmpty();
        assertThat(store.members(TENANT, gold.id(), 0, 10)).containsExactly(lonely);
    }

    @Test
    void refreshAllGoesOnPastAFailingSegmentAndAcrossTenants() {
        long a = contact(Map.of("level", "gold"));
        create("gold", "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        long otherTenant = 2;
        long theirs = ids.incrementAndGet();
        contacts.insertAll(List.of(new Contact(theirs, otherTenant, Map.of("level", "gold"), clock.instant(),
                        clock.instant(), 0)),
                List.of(new ContactStore.NewIdentity(otherTenant, theirs, Identity.wechatOpenid("wx-b", "o" + theirs))),
                clock.instant());
        segments.create(otherTenant, JsonMapper.shared().readTree("""
                {"key": "gold", "name": "Gold", "filter": {"all": [{"attribute": "level", "op": "eq", "value": "gold"}]}}"""));
        create("broken", "{\"all\": [{\"tag\": \"x\"}]}");
        evaluation.failOn = "x";

        assertThat(refresher.refreshAll()).isEqualTo(2);

        assertThat(intake.accepted()).extracting(ContactEvent::tenantId, e -> e.dedupeKey().split(":")[1])
                .containsExactlyInAnyOrder(tuple(TENANT, "" + a), tuple(otherTenant, "" + theirs));
        assertThatThrownBy(() -> refresher.refresh(TENANT, "missing")).isInstanceOf(SegmentNotFoundException.class)
                .hasMessage("no segment 'missing'");
    }

    // --- fixtures

    private Segment create(String key, String filter) {
        return segments.create(TENANT, JsonMapper.shared().readTree(
                "{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"filter\": " + filter + "}"));
    }

    private long contact(Map<String, Object> attributes) {
        long id = ids.incrementAndGet();
        contacts.insertAll(List.of(new Contact(id, TENANT, attributes, clock.instant(), clock.instant(), 0)),
                List.of(new ContactStore.NewIdentity(TENANT, id, Identity.wechatOpenid("wx-app", "o" + id))),
                clock.instant());
        return id;
    }

    private void setAttributes(long contactId, Map<String, Object> attributes) {
        Contact contact = contacts.find(TENANT, contactId).orElseThrow();
        contacts.update(contact.changed(attributes, contact.tags(), clock.instant()));
    }

    private void order(long contactId, Instant at) {
        events.appendAll(List.of(new EventLog.NewEvent(ids.incrementAndGet(), new ContactEvent(TENANT, "api",
                "order-" + ids.incrementAndGet(), "custom.order_paid", Identity.wechatOpenid("wx-app", "o" + contactId),
                null, at, Map.of(), Map.of()), contactId, 0)), at);
    }

    /** Accepts each (tenant, source, dedupe key) once, like the real intake; records what it accepted. */
    private static final class RecordingIntake implements EventIntake {
        private final Set<DedupeKey> seen = ConcurrentHashMap.newKeySet();
        private final List<ContactEvent> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger offered = new AtomicInteger();
        private final AtomicLong nextId = new AtomicLong();

        @Override
        public IntakeResult accept(ContactEvent event) {
            offered.incrementAndGet();
            if (!seen.add(DedupeKey.of(event))) {
                return new IntakeResult.Duplicate(0);
            }
            accepted.add(event);
            return new IntakeResult.Accepted(nextId.incrementAndGet());
        }

        /** Accepted events, by segment, contact id then type (the emitter runs a page concurrently). */
        List<ContactEvent> accepted() {
            return accepted.stream().sorted(Comparator
                    .comparing((ContactEvent e) -> e.type())
                    .thenComparing(e -> Long.parseLong(e.dedupeKey().split(":")[1]))).toList();
        }

        int offered() {
            return offered.get();
        }
    }

    /** Records the page limits asked for; fails for filters naming the tag {@link #failOn}. */
    private static final class CountingEvaluation implements SegmentEvaluation {
        private final SegmentEvaluation delegate;
        final List<Integer> limits = new CopyOnWriteArrayList<>();
        volatile String failOn;

        CountingEvaluation(SegmentEvaluation delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Long> page(long tenantId, SegmentFilter filter, Instant now, long afterContactId, int limit) {
            if (failOn != null && SegmentFilterJson.write(filter).contains("\"" + failOn + "\"")) {
                throw new IllegalStateException("evaluation failed");
            }
            limits.add(limit);
            return delegate.page(tenantId, filter, now, afterContactId, limit);
        }

        @Override
        public long count(long tenantId, SegmentFilter filter, Instant now) {
            return delegate.count(tenantId, filter, now);
        }
    }

    /** Fails the next {@link #failWrites} membership writes, as a crash between the emit and the write would. */
    private static final class FailingStore implements SegmentStore {
        private final SegmentStore delegate;
        int failWrites;

        FailingStore(SegmentStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(Segment segment) {
            delegate.insert(segment);
        }

        @Override
        public Optional<Segment> find(long tenantId, String key) {
            return delegate.find(tenantId, key);
        }

        @Override
        public List<Segment> list(long tenantId, long afterId, int limit) {
            return delegate.list(tenantId, afterId, limit);
        }

        @Override
        public List<Segment> listAcrossTenants(long afterId, int limit) {
            return delegate.listAcrossTenants(afterId, limit);
        }

        @Override
        public boolean completeRefresh(long tenantId, long segmentId, long expectedSeq, Instant at) {
            return delegate.completeRefresh(tenantId, segmentId, expectedSeq, at);
        }

        @Override
        public List<Long> members(long tenantId, long segmentId, long afterContactId, int limit) {
            return delegate.members(tenantId, segmentId, afterContactId, limit);
        }

        @Override
        public void addMembers(long tenantId, long segmentId, Collection<Long> contactIds, Instant since) {
            if (failWrites > 0) {
                failWrites--;
                throw new IllegalStateException("disk full");
            }
            delegate.addMembers(tenantId, segmentId, contactIds, since);
        }

        @Override
        public void removeMembers(long tenantId, long segmentId, Collection<Long> contactIds) {
            delegate.removeMembers(tenantId, segmentId, contactIds);
        }
    }
}

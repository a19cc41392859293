package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemorySegmentEvaluation;
import org.wayfarer.journey.testing.InMemorySegmentStore;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SegmentsTest {

    private static final long TENANT = 1;
    private final AtomicLong ids = new AtomicLong(100);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemorySegmentStore store = new InMemorySegmentStore();
    private final Segments segments = new Segments(store, new InMemorySegmentEvaluation(contacts, new InMemoryEventLog()),
            new DirectTransactions(), ids::incrementAndGet, clock);

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void createsAndReadsASegment() {
        Segment created = segments.create(TENANT, json("""
                {"key": "vip", "name": "VIPs", "filter": {"all": [{"tag": "vip"}]}}"""));

        assertThat(created.key()).isEqualTo("vip");
        assertThat(created.name()).isEqualTo("VIPs");
        assertThat(created.filter()).isEqualTo(new SegmentFilter.All(List.of(new SegmentFilter.Tag("vip"))));
        assertThat(created.createdAt()).isEqualTo(clock.instant());
        assertThat(segments.get(TENANT, "vip")).isEqualTo(created);
        assertThat(segments.exists(TENANT, "vip")).isTrue();
        assertThat(segments.exists(2, "vip")).isFalse();
    }

    @Test
    void listsEveryProblemOfTheDocumentWithPointersIntoIt() {
        assertThatThrownBy(() -> segments.create(TENANT, json("""
                {"key": "VIP Members", "filter": {"all": [{"tag": ""}, {"event": "custom.x"}]}, "colour": 1}""")))
                .isInstanceOfSatisfying(InvalidSegmentException.class, e -> assertThat(e.problems())
                        .extracting(SegmentProblem::pointer, SegmentProblem::code).containsExactly(
                                tuple("/colour", "unknown-field"), tuple("/key", "bad-key"),
                                tuple("/name", "missing-field"), tuple("/filter/all/0/tag", "bad-value"),
                                tuple("/filter/all/1/within", "missing-field")));
        assertThatThrownBy(() -> segments.create(TENANT, json("{\"key\": 1, \"name\": \" \"}")))
                .isInstanceOfSatisfying(InvalidSegmentException.class, e -> assertThat(e.problems())
                        .extracting(SegmentProblem::pointer).containsExactly("/key", "/name", "/filter"));
        assertThatThrownBy(() -> segments.create(TENANT, json("[]")))
                .isInstanceOfSatisfying(InvalidSegmentException.class, e -> assertThat(e.problems())
                        .extracting(SegmentProblem::code).containsExactly("not-an-object"));
        assertThat(store.list(TENANT, 0, 10)).isEmpty();
    }

    @Test
    void aTakenKeyIsRefusedAndAnotherTenantsSegmentIsNotFound() {
        segments.create(TENANT, json("{\"key\": \"vip\", \"name\": \"VIPs\", \"filter\": {\"all\": [{\"tag\": \"vip\"}]}}"));

        assertThatThrownBy(() -> segments.create(TENANT, json(
                "{\"key\": \"vip\", \"name\": \"Again\", \"filter\": {\"all\": [{\"tag\": \"x\"}]}}")))
                .isInstanceOf(SegmentKeyTakenException.class).hasMessage("a segment with key 'vip' already exists");
        assertThatThrownBy(() -> segments.get(2, "vip")).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> segments.count(2, "vip")).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> segments.page(2, "vip", 0, 10)).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> segments.get(TENANT, "VIP")).as("keys are lower case")
                .isInstanceOf(SegmentNotFoundException.class);
    }

    @Test
    void listsInPagesOldestFirst() {
        for (int i = 0; i < 5; i++) {
            segments.create(TENANT, json("{\"key\": \"s" + i + "\", \"name\": \"S\", \"filter\": {\"all\": [{\"tag\": \"x\"}]}}"));
        }

        Segments.Page first = segments.list(TENANT, null, 2);
        Segments.Page second = segments.list(TENANT, first.nextCursor(), 2);
        Segments.Page last = segments.list(TENANT, second.nextCursor(), 2);

        assertThat(first.items()).extracting(Segment::key).containsExactly("s0", "s1");
        assertThat(second.items()).extracting(Segment::key).containsExactly("s2", "s3");
        assertThat(last.items()).extracting(Segment::key).containsExactly("s4");
        assertThat(last.nextCursor()).isNull();
        assertThat(segments.list(TENANT, null, 5).nextCursor()).isNull();
        assertThatThrownBy(() -> segments.list(TENANT, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> segments.list(TENANT, null, 201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAndPagesTheMembersTheFilterSelectsNow() {
        long a = contact(Map.of("level", "gold"));
        contact(Map.of("level", "silver"));
        long c = contact(Map.of("level", "gold"));
        segments.create(TENANT, json("""
                {"key": "gold", "name": "Gold", "filter": {"all": [{"attribute": "level", "op": "eq", "value": "gold"}]}}"""));

        assertThat(segments.count(TENANT, "gold")).isEqualTo(2);
        assertThat(segments.page(TENANT, "gold", 0, 1)).containsExactly(a);
        assertThat(segments.page(TENANT, "gold", a, 10)).containsExactly(c);
        assertThatThrownBy(() -> segments.page(TENANT, "gold", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private long contact(Map<String, Object> attributes) {
        long id = ids.incrementAndGet();
        contacts.insertAll(List.of(new Contact(id, TENANT, attributes, clock.instant(), clock.instant(), 0)),
                List.of(new ContactStore.NewIdentity(TENANT, id, Identity.wechatOpenid("wx", "o" + id))),
                clock.instant());
        return id;
    }
}

package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;

/** What every {@link SegmentStore} adapter must do: definitions, refresh bookkeeping, stored membership. */
public abstract class SegmentStoreContract {

    private final long tenant = nextId();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract SegmentStore store();

    @Test
    void storesAndFindsASegmentWithItsFilterIntact() {
        SegmentFilter filter = SegmentFilters.parse("""
                {"any": [{"all": [{"attribute": "level", "op": "in", "value": ["gold", 2, true]},
                                  {"attribute": "score", "op": "gte", "value": 10.25},
                                  {"attribute": "phone", "op": "exists", "value": false}]},
                         {"tag": "vip"}, {"notTag": "churned"},
                         {"event": "custom.order_paid", "within": "P30D", "min": 2, "max": 5},
                         {"event": "wechat.followed", "within": "PT36H", "max": 0}]}""");
        Segment segment = segment("vip", filter);

        store().insert(segment);

        assertThat(store().find(tenant, "vip")).contains(segment);
        assertThat(store().find(tenant, "other")).isEmpty();
    }

    @Test
    void aKeyIsTakenPerTenant() {
        store().insert(segment("vip", simple()));

        assertThatThrownBy(() -> store().insert(segment("vip", simple())))
                .isInstanceOf(SegmentKeyTakenException.class).hasMessageContaining("'vip'");

        long other = nextId();
        Segment theirs = new Segment(nextId(), other, "vip", "Theirs", simple(), t0, t0, 0, 0, null);
        store().insert(theirs);
        assertThat(store().find(other, "vip")).contains(theirs);
        assertThat(store().find(tenant, "vip")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Name"));
    }

    @Test
    void hidesSegmentsOfOtherTenants() {
        store().insert(segment("mine", simple()));
        long other = nextId();

        assertThat(store().find(other, "mine")).isEmpty();
        assertThat(store().list(other, 0, 10)).isEmpty();
        Segment mine = store().find(tenant, "mine").orElseThrow();
        store().addMembers(tenant, mine.id(), List.of(5L), t0);
        assertThat(store().members(other, mine.id(), 0, 10)).isEmpty();
        assertThat(store().completeRefresh(other, mine.id(), 0, t0)).isFalse();
        store().removeMembers(other, mine.id(), List.of(5L));
        assertThat(store().members(tenant, mine.id(), 0, 10)).containsExactly(5L);
    }

    @Test
    void listsOldestFirstInPages() {
        List<Segment> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Segment s = segment("s" + i, simple());
            store().insert(s);
            created.add(s);
        }

        assertThat(store().list(tenant, 0, 2)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(store().list(tenant, created.get(1).id(), 2)).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(store().list(tenant, created.get(3).id(), 2)).containsExactly(created.get(4));
        List<Segment> across = store().listAcrossTenants(created.get(0).id() - 1, 1_000);
        assertThat(across).extracting(Segment::id).isSorted();
        assertThat(across).containsSubsequence(created);
    }

    @Test
    void completesARefreshOnlyFromTheSequenceItRead() {
        Segment s = segment("refreshed", simple());
        store().insert(s);
        Instant at = t0.plus(Duration.ofMinutes(1));

        assertThat(store().completeRefresh(tenant, s.id(), 0, at)).isTrue();
        assertThat(store().completeRefresh(tenant, s.id(), 0, at.plusSeconds(1))).isFalse();

        Segment read = store().find(tenant, "refreshed").orElseThrow();
        assertThat(read.refreshSeq()).isEqualTo(1);
        assertThat(read.refreshedAt()).isEqualTo(at);
        assertThat(store().completeRefresh(tenant, s.id(), 1, at.plusSeconds(2))).isTrue();
        assertThat(store().find(tenant, "refreshed").orElseThrow().refreshSeq()).isEqualTo(2);
    }

    @Test
    void storesMembersInContactIdOrderAndIgnoresRepeats() {
        Segment s = segment("members", simple());
        store().insert(s);

        store().addMembers(tenant, s.id(), List.of(30L, 10L, 20L), t0);
        store().addMembers(tenant, s.id(), List.of(20L, 40L), t0.plusSeconds(1));
        store().removeMembers(tenant, s.id(), List.of(30L, 99L));

        assertThat(store().members(tenant, s.id(), 0, 10)).containsExactly(10L, 20L, 40L);
        assertThat(store().members(tenant, s.id(), 10, 1)).containsExactly(20L);
        assertThat(store().members(tenant, s.id(), 40, 10)).isEmpty();
        store().addMembers(tenant, s.id(), List.of(), t0);
        store().removeMembers(tenant, s.id(), List.of());
        assertThat(store().members(tenant, s.id(), 0, 10)).hasSize(3);
    }

    @Test
    void membershipIsPerSegment() {
        Segment a = segment("a", simple());
        Segment b = segment("b", simple());
        store().insert(a);
        store().insert(b);

        store().addMembers(tenant, a.id(), List.of(1L, 2L), t0);
        store().addMembers(tenant, b.id(), List.of(2L, 3L), t0);
        store().removeMembers(tenant, a.id(), List.of(2L));

        assertThat(store().members(tenant, a.id(), 0, 10)).containsExactly(1L);
        assertThat(store().members(tenant, b.id(), 0, 10)).containsExactly(2L, 3L);
    }

    private Segment segment(String key, SegmentFilter filter) {
        return new Segment(nextId(), tenant, key, "Name", filter, t0, t0, 0, 0, null);
    }

    private static SegmentFilter simple() {
        return SegmentFilters.parse("{\"all\": [{\"tag\": \"vip\"}]}");
    }
}

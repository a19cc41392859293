package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;

/**
 * What every {@link SegmentEvaluation} adapter must decide, on contacts, tags and events written through the stores'
 * ports. Every membership is read page by page (two ids a page) and checked against the count.
 */
public abstract class SegmentEvaluationContract {

    private final long tenant = nextId();
    private final Instant now = ContractFixtures.nextEra().plus(Duration.ofHours(12));
    private final int partition = ContractFixtures.nextPartition();

    protected abstract ContactStore contacts();

    protected abstract EventLog events();

    protected abstract SegmentEvaluation evaluation();

    @Test
    void eqComparesStringsNumbersAndBooleansEachWithItsOwnKind() {
        long a = contact(Map.of("level", "gold", "age", 30, "vip", true));
        long b = contact(Map.of("level", "silver", "age", "30", "vip", false));
        long c = contact(Map.of("age", 30.0));
        long d = contact(Map.of());

        assertThat(members(attr("level", "eq", "\"gold\""))).containsExactly(a);
        assertThat(members(attr("age", "eq", "30"))).as("a numeric string is no number").containsExactly(a, c);
        assertThat(members(attr("age", "eq", "30.00"))).containsExactly(a, c);
        assertThat(members(attr("age", "eq", "\"30\""))).containsExactly(b);
        assertThat(members(attr("vip", "eq", "true"))).containsExactly(a);
        assertThat(members(attr("vip", "eq", "false"))).containsExactly(b);
        assertThat(members(attr("vip", "eq", "\"true\""))).isEmpty();
        assertThat(d).isPositive();
    }

    @Test
    void neHoldsForMissingAttributesAndOtherKinds() {
        long a = contact(Map.of("level", "gold"));
        long b = contact(Map.of("level", "silver"));
        long c = contact(Map.of());
        long d = contact(Map.of("level", List.of("gold")));
        long e = contact(Map.of("level", 1));

        assertThat(members(attr("level", "ne", "\"gold\""))).containsExactly(b, c, d, e);
        assertThat(members(attr("level", "ne", "1"))).containsExactly(a, b, c, d);
    }

    @Test
    void orderedComparisonsOfNumbersAtTheirEdges() {
        long a = contact(Map.of("age", 30));
        long b = contact(Map.of("age", "30"));
        long c = contact(Map.of("age", 45.5));
        long d = contact(Map.of());
        long e = contact(Map.of("age", true));

        assertThat(members(attr("age", "gt", "30"))).containsExactly(c);
        assertThat(members(attr("age", "gte", "30"))).containsExactly(a, c);
        assertThat(members(attr("age", "lt", "45.5"))).containsExactly(a);
        assertThat(members(attr("age", "lte", "45.5"))).containsExactly(a, c);
        assertThat(members(attr("age", "lt", "100000000000000000000"))).containsExactly(a, c);
        assertThat(members(attr("age", "gt", "-1"))).as("missing, strings and booleans never compare")
                .doesNotContain(b, d, e);
    }

    @Test
    void stringsAndIsoDatesCompareLexically() {
        long a = contact(Map.of("joined", "2026-03-01", "age", "30"));
        long b = contact(Map.of("joined", "2025-12-31", "age", "4"));
        long c = contact(Map.of("joined", 20260301));

        assertThat(members(attr("joined", "gt", "\"2026-01-01\""))).containsExactly(a);
        assertThat(members(attr("joined", "lt", "\"2026-01-01\""))).containsExactly(b);
        assertThat(members(attr("joined", "gte", "\"2026-03-01\""))).containsExactly(a);
        assertThat(members(attr("joined", "lte", "\"2025-12-31\""))).containsExactly(b);
        assertThat(members(attr("age", "gt", "\"3\""))).as("as text, \"4\" > \"30\"").containsExactly(a, b);
        assertThat(members(attr("age", "gt", "\"30\""))).containsExactly(b);
        assertThat(c).isPositive();
    }

    @Test
    void inMatchesAnyListedValueOfTheSameKind() {
        long a = contact(Map.of("level", "gold", "age", 30));
        long b = contact(Map.of("level", "bronze", "age", "30"));
        long c = contact(Map.of("level", "silver"));
        contact(Map.of());

        assertThat(members(attr("level", "in", "[\"gold\", \"bronze\"]"))).containsExactly(a, b);
        assertThat(members(attr("age", "in", "[30, true]"))).containsExactly(a);
        assertThat(members(attr("age", "in", "[\"30\", 31]"))).containsExactly(b);
        assertThat(members(attr("level", "in", "[\"silver\"]"))).containsExactly(c);
    }

    @Test
    void existsTrueFalseAndWithoutValue() {
        long a = contact(Map.of("phone", "x"));
        long b = contact(Map.of("phone", false));
        long c = contact(Map.of("email", "y"));

        assertThat(members("{\"all\": [{\"attribute\": \"phone\", \"op\": \"exists\"}]}")).containsExactly(a, b);
        assertThat(members(attr("phone", "exists", "true"))).containsExactly(a, b);
        assertThat(members(attr("phone", "exists", "false"))).containsExactly(c);
    }

    @Test
    void tagsAndNotTagsReadTheTagIndex() {
        long a = contact(Map.of(), "vip", "store_1");
        long b = contact(Map.of(), "vip");
        long c = contact(Map.of());
        contactOf(nextId(), Map.of(), "vip");

        assertThat(members("{\"all\": [{\"tag\": \"vip\"}]}")).containsExactly(a, b);
        assertThat(members("{\"any\": [{\"tag\": \"vip\"}]}")).containsExactly(a, b);
        assertThat(members("{\"all\": [{\"notTag\": \"vip\"}]}")).containsExactly(c);
        assertThat(members("{\"all\": [{\"tag\": \"vip\"}, {\"notTag\": \"store_1\"}]}")).containsExactly(b);
        assertThat(members("{\"any\": [{\"tag\": \"store_1\"}, {\"notTag\": \"vip\"}]}")).containsExactly(a, c);
        assertThat(members("{\"all\": [{\"tag\": \"vip\"}, {\"tag\": \"store_1\"}]}")).containsExactly(a);
        assertThat(members("{\"all\": [{\"tag\": \"nobody\"}]}")).isEmpty();
    }

    @Test
    void aRemovedTagNoLongerMatches() {
        long a = contact(Map.of(), "vip");
        contacts().retagAll(List.of(new ContactStore.Retag(tenant, a, Set.of(), Set.of("vip"))), now);

        assertThat(members("{\"all\": [{\"tag\": \"vip\"}]}")).isEmpty();
        assertThat(members("{\"all\": [{\"notTag\": \"vip\"}]}")).containsExactly(a);
    }

    @Test
    void eventWindowIncludesBothEndsAndNothingAfterNow() {
        long atStart = contact(Map.of());
        long beforeStart = contact(Map.of());
        long atNow = contact(Map.of());
        long afterNow = contact(Map.of());
        long otherType = contact(Map.of());
        event(atStart, "custom.order_paid", now.minus(Duration.ofDays(30)));
        event(beforeStart, "custom.order_paid", now.minus(Duration.ofDays(30)).minusMillis(1));
        event(atNow, "custom.order_paid", now);
        event(afterNow, "custom.order_paid", now.plusMillis(1));
        event(otherType, "custom.order_refunded", now.minus(Duration.ofDays(1)));

        String ordered = "{\"event\": \"custom.order_paid\", \"within\": \"P30D\"}";
        assertThat(members("{\"all\": [" + ordered + "]}")).containsExactly(atStart, atNow);
        assertThat(members("{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P30D\", \"max\": 0}]}"))
                .containsExactly(beforeStart, afterNow, otherType);
        assertThat(members("{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"PT720H\"}]}"))
                .containsExactly(atStart, atNow);
        assertThat(members("{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P29D\"}]}"))
                .containsExactly(atNow);
    }

    @Test
    void eventMinAndMaxBoundTheCountInTheWindow() {
        long none = contact(Map.of());
        long one = contact(Map.of());
        long two = contact(Map.of());
        long three = contact(Map.of());
        for (int i = 0; i < 3; i++) {
            event(three, "custom.order_paid", now.minus(Duration.ofDays(i)));
        }
        event(two, "custom.order_paid", now.minus(Duration.ofDays(1)));
        event(two, "custom.order_paid", now.minus(Duration.ofDays(7)));
        event(two, "custom.order_paid", now.minus(Duration.ofDays(8)));
        event(one, "custom.order_paid", now.minus(Duration.ofDays(2)));

        assertThat(members(events(2, null))).containsExactly(two, three);
        assertThat(members(events(2, 2))).containsExactly(two);
        assertThat(members(events(3, 3))).containsExactly(three);
        assertThat(members(events(0, 1))).containsExactly(none, one);
        assertThat(members(events(1, 2))).containsExactly(one, two);
        assertThat(members(events(4, null))).isEmpty();
        assertThat(members(events(1, null))).containsExactly(one, two, three);
    }

    @Test
    void nestedGroupsMixingAttributesTagsAndEvents() {
        long goldVip = contact(Map.of("level", "gold"), "vip");
        long goldOnly = contact(Map.of("level", "gold"));
        long recentBuyer = contact(Map.of("level", "silver"));
        long churnedBuyer = contact(Map.of(), "churned");
        long nobody = contact(Map.of("level", "silver"), "vip");
        event(recentBuyer, "custom.order_paid", now.minus(Duration.ofDays(3)));
        event(churnedBuyer, "custom.order_paid", now.minus(Duration.ofDays(3)));

        String filter = """
                {"any": [
                  {"all": [{"attribute": "level", "op": "eq", "value": "gold"}, {"tag": "vip"}]},
                  {"all": [{"event": "custom.order_paid", "within": "P7D"}, {"notTag": "churned"}]}
                ]}""";
        assertThat(members(filter)).containsExactly(goldVip, recentBuyer);
        assertThat(members("""
                {"all": [{"tag": "vip"}, {"any": [{"attribute": "level", "op": "eq", "value": "gold"},
                                                  {"event": "custom.order_paid", "within": "P7D"}]}]}"""))
                .containsExactly(goldVip);
        assertThat(members("""
                {"all": [{"attribute": "level", "op": "exists"},
                         {"any": [{"notTag": "vip"}, {"attribute": "level", "op": "ne", "value": "silver"}]}]}"""))
                .containsExactly(goldVip, goldOnly, recentBuyer);
        assertThat(nobody).isPositive();
    }

    @Test
    void groupsNestFiveDeep() {
        long a = contact(Map.of("n", 1), "deep");
        contact(Map.of("n", 2), "deep");

        assertThat(members("""
                {"all": [{"any": [{"all": [{"any": [{"all": [{"tag": "deep"},
                    {"attribute": "n", "op": "lt", "value": 2}]}]}]}]}]}""")).containsExactly(a);
    }

    @Test
    void pagesAscendByIdAndStopShortOnlyAtTheEnd() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(contact(Map.of("i", i), "paged"));
        }
        for (String json : List.of("{\"all\": [{\"tag\": \"paged\"}]}",
                "{\"all\": [{\"attribute\": \"i\", \"op\": \"gte\", \"value\": 0}]}",
                "{\"all\": [{\"tag\": \"paged\"}, {\"attribute\": \"i\", \"op\": \"gte\", \"value\": 0}]}")) {
            SegmentFilter filter = SegmentFilters.parse(json);
            assertThat(evaluation().page(tenant, filter, now, 0, 3)).as(json).containsExactlyElementsOf(all.subList(0, 3));
            assertThat(evaluation().page(tenant, filter, now, all.get(2), 3)).containsExactlyElementsOf(
                    all.subList(3, 6));
            assertThat(evaluation().page(tenant, filter, now, all.get(5), 3)).containsExactly(all.get(6));
            assertThat(evaluation().page(tenant, filter, now, all.get(6), 3)).isEmpty();
            assertThat(evaluation().page(tenant, filter, now, all.get(0) - 1, 100)).containsExactlyElementsOf(all);
        }
    }

    /** More candidates than one scan batch of the SQL adapter (1,000): the scan goes on past it. */
    @Test
    void scansPastOneBatchOfCandidates() {
        List<Contact> created = new ArrayList<>();
        List<ContactStore.NewIdentity> identities = new ArrayList<>();
        List<ContactStore.Retag> tags = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            long id = nextId();
            created.add(new Contact(id, tenant, Map.of("n", i), now, now, 0));
            identities.add(new ContactStore.NewIdentity(tenant, id, Identity.wechatOpenid("wx-seg", "o-" + id)));
            if (i % 2 == 0) {
                tags.add(new ContactStore.Retag(tenant, id, Set.of("bulk"), Set.of()));
            }
        }
        contacts().insertAll(created, identities, now);
        contacts().retagAll(tags, now);

        SegmentFilter late = SegmentFilters.parse("{\"all\": [{\"attribute\": \"n\", \"op\": \"gte\", \"value\": 2300}]}");
        assertThat(evaluation().page(tenant, late, now, 0, 150)).hasSize(150)
                .startsWith(created.get(2300).id()).isSorted();
        assertThat(evaluation().count(tenant, late, now)).isEqualTo(200);
        SegmentFilter taggedEarly = SegmentFilters.parse(
                "{\"all\": [{\"tag\": \"bulk\"}, {\"attribute\": \"n\", \"op\": \"lt\", \"value\": 2200}]}");
        assertThat(evaluation().count(tenant, taggedEarly, now)).isEqualTo(1_100);
        List<Long> streamed = all(taggedEarly, 400);
        assertThat(streamed).hasSize(1_100).isSorted().doesNotHaveDuplicates();
        assertThat(evaluation().count(tenant, SegmentFilters.parse("{\"all\": [{\"tag\": \"bulk\"}]}"), now))
                .isEqualTo(1_250);
    }

    @Test
    void anotherTenantsContactsNeverMatch() {
        long mine = contact(Map.of("level", "gold"), "vip");
        long otherTenant = nextId();
        long theirs = contactOf(otherTenant, Map.of("level", "gold"), "vip");
        event(mine, "custom.order_paid", now);

        for (String json : List.of("{\"all\": [{\"tag\": \"vip\"}]}", "{\"all\": [{\"notTag\": \"x\"}]}",
                "{\"all\": [{\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}",
                "{\"any\": [{\"tag\": \"vip\"}, {\"attribute\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}]}")) {
            assertThat(members(json)).as(json).containsExactly(mine);
            SegmentFilter filter = SegmentFilters.parse(json);
            assertThat(evaluation().page(otherTenant, filter, now, 0, 10)).containsExactly(theirs);
            assertThat(evaluation().count(otherTenant, filter, now)).isEqualTo(1);
        }
        assertThat(evaluation().count(nextId(), SegmentFilters.parse("{\"all\": [{\"notTag\": \"x\"}]}"), now))
                .isZero();
    }

    // --- fixtures

    private static String attr(String name, String op, String valueJson) {
        return "{\"all\": [{\"attribute\": \"" + name + "\", \"op\": \"" + op + "\", \"value\": " + valueJson + "}]}";
    }

    private static String events(int min, Integer max) {
        return "{\"all\": [{\"event\": \"custom.order_paid\", \"within\": \"P7D\", \"min\": " + min
                + (max == null ? "" : ", \"max\": " + max) + "}]}";
    }

    /** Every member, read two at a time; checked ascending and against the count. */
    private List<Long> members(String json) {
        SegmentFilter filter = SegmentFilters.parse(json);
        List<Long> all = all(filter, 2);
        assertThat(all).as(json).isSorted().doesNotHaveDuplicates();
        assertThat(evaluation().count(tenant, filter, now)).as("count of " + json).isEqualTo(all.size());
        return all;
    }

    private List<Long> all(SegmentFilter filter, int pageSize) {
        List<Long> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Long> page = evaluation().page(tenant, filter, now, after, pageSize);
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    private long contact(Map<String, Object> attributes, String... tags) {
        return contactOf(tenant, attributes, tags);
    }

    private long contactOf(long tenantId, Map<String, Object> attributes, String... tags) {
        long id = nextId();
        contacts().insertAll(List.of(new Contact(id, tenantId, attributes, now, now, 0, Set.of(tags))),
                List.of(new ContactStore.NewIdentity(tenantId, id, Identity.wechatOpenid("wx-seg", "o-" + id))), now);
        if (tags.length > 0) {
            contacts().retagAll(List.of(new ContactStore.Retag(tenantId, id, Set.of(tags), Set.of())), now);
        }
        return id;
    }

    private void event(long contactId, String type, Instant at) {
        ContactEvent event = new ContactEvent(tenant, "api", "seg-" + nextId(), type,
                Identity.wechatOpenid("wx-seg", "o-" + contactId), null, at, Map.of(), Map.of());
        events().appendAll(List.of(new EventLog.NewEvent(nextId(), event, contactId, partition)), at);
    }
}

package org.wayfarer.journey.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.Transactions;

/** What every {@link EventLog} adapter must do. Subclasses supply the log and its transactions. */
public abstract class EventLogContract {

    private final long tenant = nextId();
    private final long contact = nextId();
    private final int partition = ContractFixtures.nextPartition();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract EventLog log();

    protected abstract Transactions transactions();

    @Test
    void appendStoresPendingEventWithEveryField() {
        ContactEvent event = new ContactEvent(tenant, "wx-app", "o1|1700000000|subscribe|qrscene_store_7",
                EventTypes.WECHAT_FOLLOWED, Identity.wechatOpenid("wx-app", "o1"), "u1", t0,
                Map.of("scene", "store_7", "ticket", "T", "count", 2), Map.of("name", "Han Meimei"));
        long id = nextId();

        IntakeResult result = append(id, event);

        assertThat(result).isEqualTo(new IntakeResult.Accepted(id));
        assertThat(log().find(id)).contains(
                new StoredEvent(id, event, contact, partition, EventStatus.PENDING, 0, t0.plusMillis(5), null, null));
    }

    @Test
    void appendWithoutAttributesOrUnionidReadsBackEmpty() {
        ContactEvent event = new ContactEvent(tenant, "api", "k-" + nextId(), "custom.member_bound",
                new Identity(IdentityKind.EXTERNAL, "", "m-1"), null, t0, null, null);
        long id = nextId();

        append(id, event);

        assertThat(log().find(id)).hasValueSatisfying(stored -> {
            assertThat(stored.event()).isEqualTo(event);
            assertThat(stored.event().attributes()).isEmpty();
            assertThat(stored.event().properties()).isEmpty();
        });
    }

    @Test
    void duplicateReturnsTheFirstIdAndStoresNothing() {
        long first = nextId();
        long second = nextId();
        append(first, event("dup", t0));

        IntakeResult result = append(second, event("dup", t0.plusSeconds(1)));

        assertThat(result).isEqualTo(new IntakeResult.Duplicate(first));
        assertThat(log().find(second)).isEmpty();
        assertThat(log().find(first)).hasValueSatisfying(e -> assertThat(e.event().occurredAt()).isEqualTo(t0));
        assertThat(pending(10)).extracting(StoredEvent::id).containsExactly(first);
    }

    @Test
    void duplicateInsideTransactionLeavesItUsable() {
        long first = nextId();
        long after = nextId();
        append(first, event("dup", t0));

        IntakeResult duplicate = transactions().inTransaction(() -> {
            IntakeResult r = append(nextId(), event("dup", t0));
            append(after, event("next", t0));
            return r;
        });

        assertThat(duplicate).isEqualTo(new IntakeResult.Duplicate(first));
        assertThat(pending(10)).extracting(StoredEvent::id).containsExactly(first, after);
    }

    @Test
    void duplicateCommittedAfterOurTransactionFirstReadIsStillFound() {
        long winner = nextId();

        IntakeResult result = transactions().inTransaction(() -> {
            // Our transaction reads first; on MariaDB (REPEATABLE READ) that pins a snapshot without the winner.
            assertThat(pending(10)).isEmpty();
            CompletableFuture.runAsync(() -> append(winner, event("race", t0)))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            return append(nextId(), event("race", t0));
        });

        assertThat(result).isEqualTo(new IntakeResult.Duplicate(winner));
    }

    @Test
    void sameDedupeKeyFromAnotherSourceOrTenantIsNotADuplicate() {
        append(nextId(), event("k", t0));
        ContactEvent otherSource = new ContactEvent(tenant, "wx-other", "k", EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid("wx-other", "o1"), null, t0, Map.of(), Map.of());
        ContactEvent otherTenant = new ContactEvent(nextId(), "wx-app", "k", EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid("wx-app", "o1"), null, t0, Map.of(), Map.of());
        long a = nextId();
        long b = nextId();

        assertThat(append(a, otherSource)).isEqualTo(new IntakeResult.Accepted(a));
        assertThat(append(b, otherTenant)).isEqualTo(new IntakeResult.Accepted(b));
    }

    @Test
    void existingFindsStoredKeysOfAWholeBatchInOneCall() {
        long first = nextId();
        append(first, event("seen", t0));
        DedupeKey seen = new DedupeKey(tenant, "wx-app", "seen");
        DedupeKey unseen = new DedupeKey(tenant, "wx-app", "unseen");
        DedupeKey otherTenant = new DedupeKey(nextId(), "wx-app", "seen");

        assertThat(log().existing(List.of(seen, unseen, otherTenant))).containsExactly(Map.entry(seen, first));
        assertThat(log().existing(List.of())).isEmpty();
    }

    @Test
    void appendAllStoresEveryEventAndFailsWholeOnATakenKey() {
        long a = nextId();
        long b = nextId();
        long other = nextId();
        log().appendAll(List.of(new EventLog.NewEvent(a, event("a", t0), contact, partition),
                new EventLog.NewEvent(b, event("b", t0), other, partition)), t0);

        assertThat(pending(10)).extracting(StoredEvent::id, StoredEvent::contactId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, contact),
                        org.assertj.core.groups.Tuple.tuple(b, other));
        long c = nextId();
        assertThatThrownBy(() -> transactions().run(() -> log().appendAll(List.of(
                new EventLog.NewEvent(c, event("c", t0), contact, partition),
                new EventLog.NewEvent(nextId(), event("a", t0), contact, partition)), t0)))
                .isInstanceOf(RuntimeException.class);
        assertThat(log().find(c)).as("nothing of a failed batch is kept").isEmpty();
    }

    @Test
    void findAllReadsSeveralEventsAtOnce() {
        long a = nextId();
        long b = nextId();
        append(a, event("a", t0));
        append(b, event("b", t0));

        assertThat(log().findAll(List.of(a, b, nextId()))).extracting(StoredEvent::id).containsExactlyInAnyOrder(a, b);
        assertThat(log().findAll(List.of())).isEmpty();
    }

    @Test
    void pendingListsOnePartitionOldestFirstUpToLimit() {
        long first = nextId();
        long second = nextId();
        long third = nextId();
        append(first, event("a", t0));
        append(second, event("b", t0));
        append(third, event("c", t0));
        log().append(new EventLog.NewEvent(nextId(), event("elsewhere", t0), contact,
                ContractFixtures.nextPartition()), t0);

        assertThat(pending(2)).extracting(StoredEvent::id).containsExactly(first, second);
        assertThat(pending(10)).extracting(StoredEvent::id).containsExactly(first, second, third);
    }

    @Test
    void pendingSkipsHeldBackContactsAndEventsBackingOff() {
        long held = nextId();
        long other = nextId();
        long failing = nextId();
        long heldEvent = nextId();
        long otherEvent = nextId();
        log().append(new EventLog.NewEvent(failing, event("f", t0), other, partition), t0);
        log().append(new EventLog.NewEvent(heldEvent, event("h", t0), held, partition), t0);
        log().append(new EventLog.NewEvent(otherEvent, event("o", t0), other, partition), t0);
        log().markFailed(failing, "boom", t0.plusSeconds(10), t0);

        assertThat(log().pending(partition, t0.plusSeconds(1), 10, Set.of(held)))
                .extracting(StoredEvent::id).containsExactly(otherEvent);
        assertThat(log().pending(partition, t0.plusSeconds(10), 10, Set.of()))
                .extracting(StoredEvent::id).containsExactly(failing, heldEvent, otherEvent);
        assertThat(log().retrying(partition, 10)).extracting(StoredEvent::id).containsExactly(failing);
    }

    @Test
    void markProcessedMovesOnlyPendingEventsAndCountsThem() {
        long a = nextId();
        long b = nextId();
        append(a, event("p1", t0));
        append(b, event("p2", t0));

        assertThat(log().markProcessed(List.of(a, b), t0.plusSeconds(1))).isEqualTo(2);
        assertThat(log().markProcessed(List.of(a), t0.plusSeconds(2))).as("already processed").isZero();

        assertThat(log().find(a)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(e.contactId()).isEqualTo(contact);
        });
        assertThat(pending(10)).isEmpty();
    }

    @Test
    void markFailedBacksOffThenGivingUpLeavesThePendingQueue() {
        long id = nextId();
        append(id, event("f", t0));

        log().markFailed(id, "boom ".repeat(200), t0.plusSeconds(5), t0.plusSeconds(1));
        assertThat(log().find(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(t0.plusSeconds(5));
            assertThat(e.lastError()).startsWith("boom").hasSizeLessThanOrEqualTo(500);
        });
        assertThat(log().pending(partition, t0.plusSeconds(4), 10, Set.of())).as("backing off").isEmpty();

        log().markFailed(id, "boom again", null, t0.plusSeconds(6));
        assertThat(log().find(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.FAILED);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.lastError()).isEqualTo("boom again");
        });
        assertThat(log().pending(partition, t0.plusSeconds(60), 10, Set.of())).isEmpty();
        assertThat(log().markProcessed(List.of(id), t0.plusSeconds(7))).isZero();
    }

    @Test
    void failedEventsAreListedPerTenantNewestFirstAndRequeuedOnce() {
        long older = nextId();
        long newer = nextId();
        append(older, event("f1", t0));
        append(newer, event("f2", t0));
        log().markFailed(older, "x", null, t0);
        log().markFailed(newer, "y", null, t0);

        assertThat(log().failed(tenant, null, 10)).extracting(StoredEvent::id).containsExactly(newer, older);
        assertThat(log().failed(tenant, newer, 10)).extracting(StoredEvent::id).containsExactly(older);
        assertThat(log().failed(nextId(), null, 10)).isEmpty();

        assertThat(log().requeue(nextId(), older, t0.plusSeconds(1))).as("another tenant's").isEmpty();
        assertThat(log().requeue(tenant, older, t0.plusSeconds(1))).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.PENDING);
            assertThat(e.attempts()).isZero();
        });
        assertThat(log().requeue(tenant, older, t0.plusSeconds(2))).as("no longer failed").isEmpty();
        assertThat(log().pending(partition, t0.plusSeconds(1), 10, Set.of())).extracting(StoredEvent::id)
                .containsExactly(older);
    }

    @Test
    void pendingEventsCanBePagedByRouteAndMovedToAnotherPartition() {
        long a = nextId();
        long b = nextId();
        long done = nextId();
        append(a, event("r1", t0));
        append(b, event("r2", t0));
        append(done, event("r3", t0));
        log().markProcessed(List.of(done), t0);
        int elsewhere = ContractFixtures.nextPartition();

        List<EventLog.Route> routes = log().pendingRoutes(a - 1, 1_000).stream()
                .filter(r -> r.eventId() == a || r.eventId() == b || r.eventId() == done).toList();
        assertThat(routes).containsExactly(new EventLog.Route(a, contact, partition),
                new EventLog.Route(b, contact, partition));
        log().reroute(List.of(b, done), elsewhere);

        assertThat(log().find(b).orElseThrow().partition()).isEqualTo(elsewhere);
        assertThat(log().find(a).orElseThrow().partition()).isEqualTo(partition);
        assertThat(log().find(done).orElseThrow().partition()).as("processed events stay put").isEqualTo(partition);
        assertThat(log().pendingRoutes(a, 1)).extracting(EventLog.Route::eventId).doesNotContain(a);
    }

    @Test
    void timelineListsProcessedEventsOfTheContactNewestFirst() {
        long oldest = appendProcessed("t1", t0, contact);
        long tiedLow = appendProcessed("t2", t0.plusSeconds(10), contact);
        long tiedHigh = appendProcessed("t3", t0.plusSeconds(10), contact);
        long newest = appendProcessed("t4", t0.plusSeconds(20), contact);
        append(nextId(), event("still-pending", t0.plusSeconds(30)));
        appendProcessed("someone-else", t0.plusSeconds(40), nextId());

        assertThat(log().timeline(tenant, contact, 10)).extracting(StoredEvent::id)
                .containsExactly(newest, tiedHigh, tiedLow, oldest);
        assertThat(log().timeline(tenant, contact, 2)).extracting(StoredEvent::id).containsExactly(newest, tiedHigh);
        assertThat(log().timeline(nextId(), contact, 10)).isEmpty();
    }

    @Test
    void lastNamespaceIsTheAccountOfTheContactsNewestEventOfThatIdentityKind() {
        append(nextId(), openidEvent("wx-old", t0));
        append(nextId(), openidEvent("wx-new", t0.plusSeconds(20)));
        append(nextId(), openidEvent("wx-between", t0.plusSeconds(10)));
        append(nextId(), new ContactEvent(tenant, "api", "k-" + nextId(), "custom.cart_abandoned",
                new Identity(IdentityKind.EXTERNAL, "", "m-1"), null, t0.plusSeconds(30), null, null));

        assertThat(log().lastNamespace(tenant, contact, IdentityKind.WECHAT_OPENID)).contains("wx-new");
        assertThat(log().lastNamespace(tenant, contact, IdentityKind.EXTERNAL)).contains("");
        assertThat(log().lastNamespace(tenant, contact, IdentityKind.PHONE)).isEmpty();
        assertThat(log().lastNamespace(nextId(), contact, IdentityKind.WECHAT_OPENID)).isEmpty();
    }

    @Test
    void recentListsTheContactsEventsOfTheTypesFromTheSourceSinceAnInstantNewestFirst() {
        long followed = append(nextId(), new ContactEvent(tenant, "wx-a", "k-" + nextId(), EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid("wx-a", "o1"), null, t0.plusSeconds(10), Map.of(), Map.of())).eventId();
        long message = append(nextId(), openidEvent("wx-a", t0.plusSeconds(20))).eventId();
        append(nextId(), openidEvent("wx-a", t0.minusSeconds(1)));  // before since
        append(nextId(), openidEvent("wx-b", t0.plusSeconds(30)));  // another account
        append(nextId(), new ContactEvent(tenant, "wx-a", "k-" + nextId(), EventTypes.WECHAT_MENU_VIEWED,
                Identity.wechatOpenid("wx-a", "o1"), null, t0.plusSeconds(40), Map.of(), Map.of()));

        List<String> types = List.of(EventTypes.WECHAT_FOLLOWED, EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(log().recent(tenant, contact, "wx-a", types, t0, 10)).extracting(StoredEvent::id)
                .containsExactly(message, followed);
        assertThat(log().recent(tenant, contact, "wx-a", types, t0, 1)).extracting(StoredEvent::id)
                .containsExactly(message);
        assertThat(log().recent(tenant, contact, "wx-a", List.of(), t0, 10)).isEmpty();
        assertThat(log().recent(nextId(), contact, "wx-a", types, t0, 10)).isEmpty();
    }

    private ContactEvent openidEvent(String appId, Instant occurredAt) {
        return new ContactEvent(tenant, appId, "k-" + nextId(), EventTypes.WECHAT_MESSAGE_RECEIVED,
                Identity.wechatOpenid(appId, "o1"), null, occurredAt, Map.of(), Map.of());
    }

    private IntakeResult append(long id, ContactEvent event) {
        return log().append(new EventLog.NewEvent(id, event, contact, partition), t0.plusMillis(5));
    }

    private List<StoredEvent> pending(int limit) {
        return log().pending(partition, t0.plusSeconds(3600), limit, Set.of());
    }

    private long appendProcessed(String key, Instant occurredAt, long contactId) {
        long id = nextId();
        log().append(new EventLog.NewEvent(id, event(key, occurredAt), contactId, partition), occurredAt);
        assertThat(log().markProcessed(List.of(id), occurredAt)).isEqualTo(1);
        return id;
    }

    private ContactEvent event(String dedupeKey, Instant occurredAt) {
        return new ContactEvent(tenant, "wx-app", dedupeKey, EventTypes.WECHAT_MESSAGE_RECEIVED,
                Identity.wechatOpenid("wx-app", "o1"), null, occurredAt, Map.of("text", "hi"), Map.of());
    }
}

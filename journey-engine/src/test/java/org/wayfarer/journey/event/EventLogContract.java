package org.wayfarer.journey.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.Transactions;

/** What every {@link EventLog} adapter must do. Subclasses supply the log and its transactions. */
public abstract class EventLogContract {

    private final long tenant = nextId();
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

        IntakeResult result = log().append(id, event, partition, t0.plusMillis(5));

        assertThat(result).isEqualTo(new IntakeResult.Accepted(id));
        assertThat(log().find(id)).contains(
                new StoredEvent(id, event, null, partition, EventStatus.PENDING, 0, t0.plusMillis(5)));
    }

    @Test
    void appendWithoutAttributesOrUnionidReadsBackEmpty() {
        ContactEvent event = new ContactEvent(tenant, "api", "k-" + nextId(), "custom.member_bound",
                new Identity(IdentityKind.EXTERNAL, "", "m-1"), null, t0, null, null);
        long id = nextId();

        log().append(id, event, partition, t0);

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
        log().append(first, event("dup", t0), partition, t0);

        IntakeResult result = log().append(second, event("dup", t0.plusSeconds(1)), partition, t0.plusSeconds(5));

        assertThat(result).isEqualTo(new IntakeResult.Duplicate(first));
        assertThat(log().find(second)).isEmpty();
        assertThat(log().find(first)).hasValueSatisfying(e -> assertThat(e.event().occurredAt()).isEqualTo(t0));
        assertThat(log().pending(partition, 10)).extracting(StoredEvent::id).containsExactly(first);
    }

    @Test
    void duplicateInsideTransactionLeavesItUsable() {
        long first = nextId();
        long after = nextId();
        log().append(first, event("dup", t0), partition, t0);

        IntakeResult duplicate = transactions().inTransaction(() -> {
            IntakeResult r = log().append(nextId(), event("dup", t0), partition, t0);
            log().append(after, event("next", t0), partition, t0);
            return r;
        });

        assertThat(duplicate).isEqualTo(new IntakeResult.Duplicate(first));
        assertThat(log().pending(partition, 10)).extracting(StoredEvent::id).containsExactly(first, after);
    }

    @Test
    void duplicateCommittedAfterOurTransactionFirstReadIsStillFound() {
        long winner = nextId();

        IntakeResult result = transactions().inTransaction(() -> {
            // Our transaction reads first; on MariaDB (REPEATABLE READ) that pins a snapshot without the winner.
            assertThat(log().pending(partition, 10)).isEmpty();
            CompletableFuture.runAsync(() -> log().append(winner, event("race", t0), partition, t0))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            return log().append(nextId(), event("race", t0), partition, t0);
        });

        assertThat(result).isEqualTo(new IntakeResult.Duplicate(winner));
    }

    @Test
    void sameDedupeKeyFromAnotherSourceOrTenantIsNotADuplicate() {
        log().append(nextId(), event("k", t0), partition, t0);
        ContactEvent otherSource = new ContactEvent(tenant, "wx-other", "k", EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid("wx-other", "o1"), null, t0, Map.of(), Map.of());
        ContactEvent otherTenant = new ContactEvent(nextId(), "wx-app", "k", EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid("wx-app", "o1"), null, t0, Map.of(), Map.of());
        long a = nextId();
        long b = nextId();

        assertThat(log().append(a, otherSource, partition, t0)).isEqualTo(new IntakeResult.Accepted(a));
        assertThat(log().append(b, otherTenant, partition, t0)).isEqualTo(new IntakeResult.Accepted(b));
    }

    @Test
    void pendingListsOnePartitionOldestFirstUpToLimit() {
        long first = nextId();
        long second = nextId();
        long third = nextId();
        log().append(first, event("a", t0), partition, t0);
        log().append(second, event("b", t0), partition, t0);
        log().append(third, event("c", t0), partition, t0);
        log().append(nextId(), event("elsewhere", t0), ContractFixtures.nextPartition(), t0);

        assertThat(log().pending(partition, 2)).extracting(StoredEvent::id).containsExactly(first, second);
        assertThat(log().pending(partition, 10)).extracting(StoredEvent::id).containsExactly(first, second, third);
    }

    @Test
    void markProcessedSucceedsOnceThenReturnsFalse() {
        long id = nextId();
        long contact = nextId();
        log().append(id, event("p", t0), partition, t0);

        assertThat(log().markProcessed(id, contact, t0.plusSeconds(1))).isTrue();
        assertThat(log().markProcessed(id, nextId(), t0.plusSeconds(2))).isFalse();

        assertThat(log().find(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(e.contactId()).isEqualTo(contact);
        });
        assertThat(log().pending(partition, 10)).isEmpty();
    }

    @Test
    void markFailedCountsAttemptsAndGivingUpLeavesThePendingQueue() {
        long id = nextId();
        log().append(id, event("f", t0), partition, t0);

        log().markFailed(id, "boom ".repeat(200), false, t0.plusSeconds(1));
        assertThat(log().find(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
        });

        log().markFailed(id, "boom again", true, t0.plusSeconds(2));
        assertThat(log().find(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.FAILED);
            assertThat(e.attempts()).isEqualTo(2);
        });
        assertThat(log().pending(partition, 10)).isEmpty();
        assertThat(log().markProcessed(id, nextId(), t0.plusSeconds(3))).isFalse();
    }

    @Test
    void timelineListsProcessedEventsOfTheContactNewestFirst() {
        long contact = nextId();
        long oldest = appendProcessed("t1", t0, contact);
        long tiedLow = appendProcessed("t2", t0.plusSeconds(10), contact);
        long tiedHigh = appendProcessed("t3", t0.plusSeconds(10), contact);
        long newest = appendProcessed("t4", t0.plusSeconds(20), contact);
        log().append(nextId(), event("still-pending", t0.plusSeconds(30)), partition, t0);
        appendProcessed("someone-else", t0.plusSeconds(40), nextId());

        assertThat(log().timeline(tenant, contact, 10)).extracting(StoredEvent::id)
                .containsExactly(newest, tiedHigh, tiedLow, oldest);
        assertThat(log().timeline(tenant, contact, 2)).extracting(StoredEvent::id).containsExactly(newest, tiedHigh);
        assertThat(log().timeline(nextId(), contact, 10)).isEmpty();
    }

    private long appendProcessed(String key, Instant occurredAt, long contact) {
        long id = nextId();
        log().append(id, event(key, occurredAt), partition, occurredAt);
        assertThat(log().markProcessed(id, contact, occurredAt)).isTrue();
        return id;
    }

    private ContactEvent event(String dedupeKey, Instant occurredAt) {
        return new ContactEvent(tenant, "wx-app", dedupeKey, EventTypes.WECHAT_MESSAGE_RECEIVED,
                Identity.wechatOpenid("wx-app", "o1"), null, occurredAt, Map.of("text", "hi"), Map.of());
    }
}

package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;

/**
 * What every {@link Outbox} adapter must do for the batched dispatcher: leases of many rows at once, the first attempt
 * and unknown outcomes they carry, lease renewal, grouped receipts that apply only under the lease they name, and
 * abandoned leases re-queued inside a channel's idempotency window. Run through {@link OutboxContract}.
 */
public abstract class OutboxLeaseContract {

    protected final long tenant = nextId();
    protected final long contact = nextId();
    protected final Instant t0 = ContractFixtures.nextEra();
    protected final Duration lease = Duration.ofSeconds(30);

    protected abstract Outbox outbox();

    @Test
    void leaseTakesTheDuePendingRowsOfTheListInOneGoOldestDueFirst() {
        OutboxMessage later = message(t0.plusSeconds(2), t0);
        OutboxMessage earlier = message(t0.plusSeconds(1), t0);
        OutboxMessage notDue = message(t0.plusSeconds(60), t0);
        OutboxMessage leasedElsewhere = message(t0, t0);
        outbox().insert(List.of(later, earlier, notDue, leasedElsewhere));
        outbox().lease(List.of(leasedElsewhere.id()), "node-b", t0, t0.plus(lease));
        Instant now = t0.plusSeconds(5);

        List<OutboxClaim> claims = outbox().lease(List.of(later.id(), earlier.id(), notDue.id(),
                leasedElsewhere.id(), nextId()), "node-a", now, now.plus(lease));

        assertThat(claims).extracting(OutboxClaim::id).containsExactly(earlier.id(), later.id());
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.owner()).isEqualTo("node-a");
            assertThat(claim.leaseUntil()).isEqualTo(now.plus(lease));
            assertThat(claim.firstAttemptAt()).isEqualTo(now);
            assertThat(claim.unknownAttempts()).isZero();
            assertThat(claim.message().status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(claim.message().attempts()).isEqualTo(1);
        });
        assertThat(outbox().find(notDue.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox().lease(List.of(), "node-a", now, now.plus(lease))).isEmpty();
    }

    @Test
    void leaseInsertedClaimsWhatLeaseWouldAndTheClaimIsWhatTheTableHolds() {
        OutboxMessage later = message(t0.plusSeconds(2).plusNanos(1_234_567), t0.plusNanos(7_654_321));
        OutboxMessage earlier = message(t0.plusSeconds(1), t0);
        OutboxMessage notDue = message(t0.plusSeconds(60), t0);
        OutboxMessage leasedElsewhere = message(t0, t0);
        outbox().insert(List.of(later, earlier, notDue, leasedElsewhere));
        outbox().lease(List.of(leasedElsewhere.id()), "node-b", t0, t0.plus(lease));
        Instant now = t0.plusSeconds(5).plusNanos(999_999);
        Instant until = t0.plusSeconds(35);

        List<OutboxClaim> claims = outbox().leaseInserted(List.of(later, earlier, notDue, leasedElsewhere, later),
                "node-a", now, until);

        assertThat(claims).extracting(OutboxClaim::id).containsExactly(earlier.id(), later.id());
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.owner()).isEqualTo("node-a");
            assertThat(claim.leaseUntil()).isEqualTo(until);
            assertThat(claim.firstAttemptAt()).isEqualTo(outbox().find(claim.id()).orElseThrow().updatedAt());
            assertThat(claim.unknownAttempts()).isZero();
            assertThat(claim.message()).isEqualTo(outbox().find(claim.id()).orElseThrow());
            assertThat(claim.message().status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(claim.message().attempts()).isEqualTo(1);
        });
        assertThat(outbox().renewLease(later.id(), "node-a", until, until.plusSeconds(1))).isTrue();
        assertThat(outbox().find(notDue.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox().leaseInserted(List.of(), "node-a", now, until)).isEmpty();
    }

    @Test
    void leaseInsertedOfRowsPutBackMeanwhileCarriesTheirStateNotTheInsertedOne() {
        OutboxMessage inDoubt = message(t0, t0);
        OutboxMessage deferred = message(t0, t0);
        OutboxMessage sent = message(t0, t0);
        outbox().insert(List.of(inDoubt, deferred, sent));
        List<OutboxClaim> first = outbox().lease(List.of(inDoubt.id(), deferred.id(), sent.id()), "node-b",
                t0.plusSeconds(1), t0.plusSeconds(31));
        outbox().settle("node-b", List.of(OutboxReceipt.inDoubt(first.get(0), "unknown", "read timed out",
                        t0.plusSeconds(3)), OutboxReceipt.deferred(first.get(1), "rate-limited", "deferred",
                        t0.plusSeconds(4)), OutboxReceipt.sent(first.get(2), "m1")), t0.plusSeconds(2));
        Instant now = t0.plusSeconds(5);

        List<OutboxClaim> claims = outbox().leaseInserted(List.of(inDoubt, deferred, sent), "node-a", now,
                now.plus(lease));

        assertThat(claims).extracting(OutboxClaim::id).containsExactly(inDoubt.id(), deferred.id());
        assertThat(claims.get(0)).satisfies(c -> {
            assertThat(c.unknownAttempts()).isEqualTo(1);
            assertThat(c.firstAttemptAt()).isEqualTo(t0.plusSeconds(1));
            assertThat(c.message().attempts()).isEqualTo(2);
        });
        assertThat(claims.get(1)).satisfies(c -> {
            assertThat(c.unknownAttempts()).isZero();
            assertThat(c.firstAttemptAt()).as("the deferral gave the first attempt back").isEqualTo(now);
            assertThat(c.message().attempts()).isEqualTo(1);
            assertThat(c.message().nextAttemptAt()).isEqualTo(t0.plusSeconds(4));
            assertThat(c.message().errorCode()).isEqualTo("rate-limited");
        });
        assertThat(claims).allSatisfy(c -> assertThat(c.message()).isEqualTo(outbox().find(c.id()).orElseThrow()));
        assertThat(outbox().find(sent.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void concurrentLeasesOfTheSameIdsNeverShareARow() throws Exception {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(message(t0, t0));
        }
        outbox().insert(messages);
        List<Long> ids = messages.stream().map(OutboxMessage::id).toList();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<OutboxClaim>>> claims = new ArrayList<>();
            for (String owner : List.of("node-a", "node-b")) {
                claims.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return outbox().lease(ids, owner, t0, t0.plus(lease));
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<OutboxClaim>> claim : claims) {
                claim.get(30, TimeUnit.SECONDS).forEach(c -> all.add(c.id()));
            }

            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstAttemptIsKeptAcrossRetriesAndUnknownOutcomesAreCounted() {
        OutboxClaim first = leased();
        outbox().settle("node-a", List.of(OutboxReceipt.inDoubt(first, "unknown", "read timed out",
                t0.plusSeconds(5))), t0.plusSeconds(2));
        OutboxMessage stored = outbox().find(first.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored.nextAttemptAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(stored.errorCode()).isEqualTo("unknown");

        OutboxClaim second = outbox().lease(List.of(first.id()), "node-b", t0.plusSeconds(5),
                t0.plusSeconds(35)).get(0);
        outbox().settle("node-b", List.of(OutboxReceipt.retry(second, "-1", "busy", t0.plusSeconds(10))),
                t0.plusSeconds(6));
        OutboxClaim third = outbox().lease(List.of(first.id()), "node-a", t0.plusSeconds(10),
                t0.plusSeconds(40)).get(0);

        assertThat(second.firstAttemptAt()).isEqualTo(first.firstAttemptAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(second.unknownAttempts()).isEqualTo(1);
        assertThat(third.firstAttemptAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(third.unknownAttempts()).isEqualTo(1);
        assertThat(third.message().attempts()).isEqualTo(3);
    }

    @Test
    void aDeferralGivesTheAttemptBackAndWithItTheFirstAttempt() {
        OutboxClaim claim = leased();

        outbox().settle("node-a", List.of(OutboxReceipt.deferred(claim, "rate-limited", "deferred",
                t0.plusSeconds(3))), t0.plusSeconds(2));

        OutboxMessage deferred = outbox().find(claim.id()).orElseThrow();
        assertThat(deferred.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(deferred.attempts()).isZero();
        assertThat(deferred.nextAttemptAt()).isEqualTo(t0.plusSeconds(3));
        OutboxClaim next = outbox().lease(List.of(claim.id()), "node-a", t0.plusSeconds(4), t0.plusSeconds(34))
                .get(0);
        assertThat(next.message().attempts()).isEqualTo(1);
        assertThat(next.firstAttemptAt()).as("the deferred claim never called the provider").isEqualTo(
                t0.plusSeconds(4));

        outbox().settle("node-a", List.of(OutboxReceipt.retry(next, "-1", "busy", t0.plusSeconds(5))),
                t0.plusSeconds(4));
        OutboxClaim retried = outbox().lease(List.of(claim.id()), "node-a", t0.plusSeconds(5), t0.plusSeconds(35))
                .get(0);
        outbox().settle("node-a", List.of(OutboxReceipt.deferred(retried, "rate-limited", "deferred",
                t0.plusSeconds(6))), t0.plusSeconds(5));
        OutboxClaim after = outbox().lease(List.of(claim.id()), "node-a", t0.plusSeconds(6), t0.plusSeconds(36))
                .get(0);
        assertThat(after.message().attempts()).isEqualTo(2);
        assertThat(after.firstAttemptAt()).as("an earlier attempt did call the provider").isEqualTo(
                t0.plusSeconds(4));
    }

    @Test
    void settleWritesMixedReceiptsInOneCall() {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(message(t0, t0));
        }
        outbox().insert(messages);
        List<OutboxClaim> c = outbox().lease(messages.stream().map(OutboxMessage::id).toList(), "node-a",
                t0.plusSeconds(1), t0.plusSeconds(31));

        int applied = outbox().settle("node-a", List.of(OutboxReceipt.sent(c.get(0), "m0"),
                OutboxReceipt.sent(c.get(1), null), OutboxReceipt.rejected(c.get(2), "43004", "require subscribe"),
                OutboxReceipt.retry(c.get(3), "-1", "busy", t0.plusSeconds(6)),
                OutboxReceipt.inDoubt(c.get(4), "unknown", "read timed out", t0.plusSeconds(3)),
                OutboxReceipt.unknown(c.get(5), "unknown", "read timed out")), t0.plusSeconds(2));

        assertThat(applied).isEqualTo(6);
        assertThat(c).extracting(claim -> outbox().find(claim.id()).orElseThrow().status()).containsExactly(
                OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.REJECTED, OutboxStatus.PENDING,
                OutboxStatus.PENDING, OutboxStatus.UNKNOWN);
        assertThat(outbox().find(c.get(0).id()).orElseThrow().providerMessageId()).isEqualTo("m0");
        assertThat(outbox().find(c.get(1).id()).orElseThrow().providerMessageId()).isNull();
        assertThat(outbox().find(c.get(2).id()).orElseThrow()).satisfies(m -> {
            assertThat(m.errorCode()).isEqualTo("43004");
            assertThat(m.errorMessage()).isEqualTo("require subscribe");
        });
        assertThat(outbox().find(c.get(3).id()).orElseThrow().nextAttemptAt()).isEqualTo(t0.plusSeconds(6));
        assertThat(outbox().find(c.get(4).id()).orElseThrow().nextAttemptAt()).isEqualTo(t0.plusSeconds(3));
        assertThat(outbox().find(c.get(5).id()).orElseThrow()).satisfies(m -> {
            assertThat(m.errorCode()).isEqualTo("unknown");
            assertThat(m.errorMessage()).isEqualTo("read timed out");
            assertThat(m.updatedAt()).isEqualTo(t0.plusSeconds(2));
        });
        assertThat(outbox().lease(List.of(c.get(3).id(), c.get(4).id()), "node-a", t0.plusSeconds(6),
                t0.plusSeconds(36))).extracting(OutboxClaim::unknownAttempts).containsExactly(1, 0);
    }

    @Test
    void receiptsAndRenewalsApplyOnlyUnderTheLeaseTheyName() {
        OutboxClaim claim = leased();
        OutboxClaim otherLease = new OutboxClaim(claim.message(), "node-a", claim.leaseUntil().plusMillis(1),
                claim.firstAttemptAt(), 0);

        assertThat(outbox().settle("node-a", List.of(OutboxReceipt.sent(otherLease, "x")), t0.plusSeconds(2)))
                .isZero();
        assertThat(outbox().settle("node-b", List.of(OutboxReceipt.sent(claim, "x")), t0.plusSeconds(2))).isZero();
        assertThat(outbox().renewLease(claim.id(), "node-b", claim.leaseUntil(), t0.plusSeconds(90))).isFalse();
        assertThat(outbox().renewLease(claim.id(), "node-a", otherLease.leaseUntil(), t0.plusSeconds(90)))
                .isFalse();
        assertThat(outbox().find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);

        assertThat(outbox().renewLease(claim.id(), "node-a", claim.leaseUntil(), t0.plusSeconds(90))).isTrue();
        assertThat(outbox().expireAbandoned(t0.plusSeconds(60))).as("the renewed lease still holds").isZero();
        assertThat(outbox().settle("node-a", List.of(OutboxReceipt.sent(claim, "x")), t0.plusSeconds(2)))
                .as("the receipt names the lease before the renewal").isZero();
        assertThat(outbox().settle("node-a", List.of(OutboxReceipt.sent(claim.withLease(t0.plusSeconds(90)),
                "msg-1")), t0.plusSeconds(61))).isEqualTo(1);
        assertThat(outbox().find(claim.id()).orElseThrow().providerMessageId()).isEqualTo("msg-1");
    }

    @Test
    void aLeaseThatExpiredAndWasTakenOverCannotBeRenewed() {
        OutboxClaim claim = leased();
        outbox().expireAbandoned(t0.plusSeconds(32));

        assertThat(outbox().renewLease(claim.id(), "node-a", claim.leaseUntil(), t0.plusSeconds(90))).isFalse();
        assertThat(outbox().find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void requeueAbandonedRepeatsOnlyTheChannelsRowsInsideTheWindowAndUnderMaxAttempts() {
        OutboxMessage recent = message(t0, t0);
        OutboxMessage old = message(t0, t0);
        OutboxMessage otherChannel = message("wechat.kefu", t0, t0);
        OutboxMessage stillLeased = message(t0, t0);
        OutboxMessage tooManyAttempts = message(t0, t0);
        outbox().insert(List.of(recent, old, otherChannel, stillLeased, tooManyAttempts));
        outbox().lease(List.of(old.id()), "dead-node", t0, t0.plusSeconds(30));
        Instant later = t0.plusSeconds(100);
        outbox().lease(List.of(recent.id(), otherChannel.id()), "dead-node", later, later.plusSeconds(30));
        outbox().lease(List.of(stillLeased.id()), "live-node", later, later.plusSeconds(90));
        for (int i = 0; i < 2; i++) {
            OutboxClaim c = outbox().lease(List.of(tooManyAttempts.id()), "node-a", later, later.plusSeconds(1 + i))
                    .get(0);
            outbox().settle("node-a", List.of(OutboxReceipt.retry(c, "-1", "busy", later)), later);
        }
        outbox().lease(List.of(tooManyAttempts.id()), "dead-node", later, later.plusSeconds(30));
        Instant now = later.plusSeconds(31);

        int requeued = outbox().requeueAbandoned(now, "wechat.template", later.minusSeconds(1), 3);

        assertThat(requeued).isEqualTo(1);
        assertThat(outbox().find(recent.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.nextAttemptAt()).isEqualTo(now);
            assertThat(m.errorCode()).isEqualTo("LEASE_EXPIRED");
        });
        assertThat(outbox().lease(List.of(recent.id()), "node-b", now, now.plus(lease))).singleElement()
                .satisfies(c -> {
                    assertThat(c.unknownAttempts()).isEqualTo(1);
                    assertThat(c.firstAttemptAt()).isEqualTo(later);
                    assertThat(c.message().attempts()).isEqualTo(2);
                });
        assertThat(List.of(old, otherChannel, stillLeased, tooManyAttempts))
                .extracting(m -> outbox().find(m.id()).orElseThrow().status()).containsOnly(OutboxStatus.SENDING);
        assertThat(outbox().expireAbandoned(now)).isEqualTo(3);
        assertThat(outbox().find(stillLeased.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void insertLeasedStoresRowsAsALeaseLeavesThemAndOnlyThatLeaseSettlesThem() {
        Instant until = t0.plus(lease);
        OutboxClaim claim = leasedAtInsert(message(t0, t0), "node-a", until);
        OutboxClaim other = leasedAtInsert(message(t0, t0), "node-a", until);

        outbox().insertLeased(List.of(claim, other));

        assertThat(outbox().find(claim.id())).contains(claim.message());
        assertThat(outbox().leaseDue(t0.plusSeconds(1), 10, "node-b", t0.plusSeconds(31))).isEmpty();
        assertThat(outbox().lease(List.of(claim.id()), "node-b", t0.plusSeconds(1), t0.plusSeconds(31))).isEmpty();
        assertThat(outbox().settle("node-b", List.of(OutboxReceipt.sent(claim, "x")), t0.plusSeconds(1))).isZero();
        assertThat(outbox().renewLease(claim.id(), "node-a", until, until.plusSeconds(1))).isTrue();
        assertThat(outbox().settle("node-a", List.of(OutboxReceipt.sent(claim.withLease(until.plusSeconds(1)),
                "msg-1"), OutboxReceipt.deferred(other, "rate-limited", "later", t0.plusSeconds(5))),
                t0.plusSeconds(2))).isEqualTo(2);
        assertThat(outbox().find(claim.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.providerMessageId()).isEqualTo("msg-1");
        });
        assertThat(outbox().find(other.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.attempts()).as("a deferral is not an attempt").isZero();
        });
    }

    @Test
    void aRowLeasedAtInsertWhoseNodeDiedBeforeSendingIsRepeatedInsideTheWindow() {
        OutboxClaim claim = leasedAtInsert(message(t0, t0), "dead-node", t0.plusSeconds(30));
        outbox().insertLeased(List.of(claim));
        Instant now = t0.plusSeconds(31);

        assertThat(outbox().requeueAbandoned(now, "wechat.template", t0.minusSeconds(1), 3)).isEqualTo(1);

        assertThat(outbox().lease(List.of(claim.id()), "node-b", now, now.plus(lease))).singleElement()
                .satisfies(c -> {
                    assertThat(c.firstAttemptAt()).isEqualTo(t0);
                    assertThat(c.unknownAttempts()).isEqualTo(1);
                    assertThat(c.message().attempts()).isEqualTo(2);
                });
    }

    @Test
    void insertLeasedWithADuplicateDeliveryFailsAndStoresNothing() {
        OutboxMessage first = message(t0, t0);
        outbox().insert(List.of(first));
        OutboxClaim fresh = leasedAtInsert(message(t0, t0), "node-a", t0.plus(lease));
        OutboxClaim sameDelivery = leasedAtInsert(new OutboxMessage(nextId(), tenant, first.instanceId(),
                first.journeyId(), first.nodeId(), first.seq(), contact, "wechat.template", "wx-app", "o1", Map.of(),
                OutboxStatus.PENDING, 0, t0, null, null, null, t0, t0), "node-a", t0.plus(lease));

        assertThatThrownBy(() -> outbox().insertLeased(List.of(fresh, sameDelivery)))
                .isInstanceOf(RuntimeException.class);

        assertThat(outbox().find(fresh.id())).isEmpty();
        assertThat(outbox().find(sameDelivery.id())).isEmpty();
    }

    /** What {@link OutboxDispatcher#split} makes of a queued message: SENDING, one attempt, first attempt now. */
    protected OutboxClaim leasedAtInsert(OutboxMessage m, String owner, Instant leaseUntil) {
        return OutboxClaim.firstOf(m, owner, t0, leaseUntil);
    }

    protected OutboxClaim leased() {
        OutboxMessage message = message(t0, t0);
        outbox().insert(List.of(message));
        return outbox().lease(List.of(message.id()), "node-a", t0.plusSeconds(1), t0.plusSeconds(31)).get(0);
    }

    protected OutboxMessage message(Instant nextAttemptAt, Instant createdAt) {
        return message("wechat.template", nextAttemptAt, createdAt);
    }

    protected OutboxMessage message(String channel, Instant nextAttemptAt, Instant createdAt) {
        return new OutboxMessage(nextId(), tenant, nextId(), nextId(), "welcome", 1, contact, channel,
                "wx-app", "o1", Map.of("templateId", "TPL_WELCOME", "data", Map.of("thing1", "Li Lei")),
                OutboxStatus.PENDING, 0, nextAttemptAt, null, null, null, createdAt, createdAt);
    }
}

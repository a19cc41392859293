package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

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

/**
 * What every {@link Outbox} adapter must do: rows, claims and the receipts of {@link Outbox}'s single-row view; the
 * batched leases, renewals, grouped receipts and abandoned-lease handling are in {@link OutboxLeaseContract}.
 * Subclasses supply the outbox under test.
 */
public abstract class OutboxContract extends OutboxLeaseContract {


    @Test
    void insertedMessagesAreFoundPending() {
        OutboxMessage welcome = message(t0, t0);
        OutboxMessage coupon = message(t0.plusSeconds(1), t0.plusSeconds(1));

        outbox().insert(List.of(welcome, coupon));

        assertThat(outbox().find(welcome.id())).contains(welcome);
        assertThat(outbox().find(coupon.id())).contains(coupon);
    }

    @Test
    void batchWithADuplicateDeliveryFailsAndStoresNothing() {
        OutboxMessage first = message(t0, t0);
        outbox().insert(List.of(first));
        OutboxMessage fresh = message(t0, t0);
        OutboxMessage sameDelivery = new OutboxMessage(nextId(), tenant, first.instanceId(), first.journeyId(),
                first.nodeId(), first.seq(), contact, "wechat.template", "wx-app", "o1", Map.of(),
                OutboxStatus.PENDING, 0, t0, null, null, null, t0, t0);

        assertThatThrownBy(() -> outbox().insert(List.of(fresh, sameDelivery))).isInstanceOf(RuntimeException.class);

        assertThat(outbox().find(fresh.id())).isEmpty();
        assertThat(outbox().find(sameDelivery.id())).isEmpty();
    }

    @Test
    void claimMovesADuePendingRowToSendingOnce() {
        OutboxMessage message = message(t0, t0);
        outbox().insert(List.of(message));
        Instant now = t0.plusSeconds(1);

        assertThat(outbox().claim(message.id(), "node-a", now, now.plus(lease))).hasValueSatisfying(claimed -> {
            assertThat(claimed.status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.updatedAt()).isEqualTo(now);
        });
        assertThat(outbox().claim(message.id(), "node-b", now, now.plus(lease))).isEmpty();
    }

    @Test
    void claimRefusesARowThatIsNotDueYet() {
        OutboxMessage message = message(t0.plusSeconds(10), t0);
        outbox().insert(List.of(message));

        assertThat(outbox().claim(message.id(), "node-a", t0.plusSeconds(9), t0.plusSeconds(40))).isEmpty();
        assertThat(outbox().claim(message.id(), "node-a", t0.plusSeconds(10), t0.plusSeconds(40))).isPresent();
    }

    @Test
    void claimDueTakesDueRowsOldestDueFirstUpToLimit() {
        OutboxMessage late = message(t0.plusSeconds(3), t0);
        OutboxMessage early = message(t0.plusSeconds(1), t0);
        OutboxMessage middle = message(t0.plusSeconds(2), t0);
        OutboxMessage future = message(t0.plusSeconds(100), t0);
        outbox().insert(List.of(late, early, middle, future));
        Instant now = t0.plusSeconds(10);

        List<OutboxMessage> first = outbox().claimDue(now, 2, "node-a", now.plus(lease));
        List<OutboxMessage> rest = outbox().claimDue(now, 10, "node-b", now.plus(lease));

        assertThat(first).extracting(OutboxMessage::id).containsExactly(early.id(), middle.id());
        assertThat(first).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENDING));
        assertThat(rest).extracting(OutboxMessage::id).containsExactly(late.id());
        assertThat(outbox().claimDue(now, 10, "node-c", now.plus(lease))).isEmpty();
    }

    @Test
    void concurrentDispatchersNeverClaimTheSameRow() throws Exception {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            messages.add(message(t0.plusMillis(i), t0));
        }
        outbox().insert(messages);
        Instant now = t0.plusSeconds(1);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (String owner : List.of("node-a", "node-b")) {
                claims.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<Long> mine = new ArrayList<>();
                    List<OutboxMessage> batch;
                    while (!(batch = outbox().claimDue(now, 7, owner, now.plus(lease))).isEmpty()) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>(claims.get(0).get(30, TimeUnit.SECONDS));
            all.addAll(claims.get(1).get(30, TimeUnit.SECONDS));

            assertThat(all).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(OutboxMessage::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markSentRecordsTheProviderId() {
        OutboxClaim message = leased();

        outbox().settle("node-a", List.of(OutboxReceipt.sent(message, "msg-123")), t0.plusSeconds(2));

        assertThat(outbox().find(message.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.providerMessageId()).isEqualTo("msg-123");
            assertThat(m.updatedAt()).isEqualTo(t0.plusSeconds(2));
        });
    }

    @Test
    void markRejectedRecordsTheError() {
        OutboxClaim message = leased();

        outbox().settle("node-a", List.of(OutboxReceipt.rejected(message, "43004", "require subscribe")),
                t0.plusSeconds(2));

        assertThat(outbox().find(message.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(m.errorCode()).isEqualTo("43004");
            assertThat(m.errorMessage()).isEqualTo("require subscribe");
        });
    }

    @Test
    void rescheduledRowIsClaimableAgainWhenDue() {
        OutboxClaim message = leased();
        Instant retryAt = t0.plusSeconds(60);

        outbox().settle("node-a", List.of(OutboxReceipt.retry(message, "45009", "quota", retryAt)), t0.plusSeconds(2));

        assertThat(outbox().find(message.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.nextAttemptAt()).isEqualTo(retryAt);
            assertThat(m.errorCode()).isEqualTo("45009");
        });
        assertThat(outbox().claim(message.id(), "node-b", retryAt.minusMillis(1), retryAt.plus(lease))).isEmpty();
        assertThat(outbox().claim(message.id(), "node-b", retryAt, retryAt.plus(lease)))
                .hasValueSatisfying(m -> assertThat(m.attempts()).isEqualTo(2));
    }

    @Test
    void markUnknownRecordsTheReason() {
        OutboxClaim message = leased();

        outbox().settle("node-a", List.of(OutboxReceipt.unknown(message, "unknown", "read timed out")),
                t0.plusSeconds(2));

        assertThat(outbox().find(message.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.UNKNOWN);
            assertThat(m.errorMessage()).isEqualTo("read timed out");
        });
    }

    @Test
    void receiptsChangeNothingUnlessTheRowIsSending() {
        OutboxMessage pending = message(t0, t0);
        outbox().insert(List.of(pending));
        OutboxClaim sent = leased();
        outbox().settle("node-a", List.of(OutboxReceipt.sent(sent, "first")), t0.plusSeconds(2));
        OutboxClaim notLeased = new OutboxClaim(pending, "node-a", t0.plusSeconds(31), t0, 0);

        for (OutboxClaim claim : List.of(notLeased, sent)) {
            assertThat(outbox().settle("node-a", List.of(OutboxReceipt.sent(claim, "x"),
                    OutboxReceipt.rejected(claim, "x", "x"), OutboxReceipt.retry(claim, "x", "x", t0.plusSeconds(99)),
                    OutboxReceipt.deferred(claim, "x", "x", t0.plusSeconds(99)),
                    OutboxReceipt.inDoubt(claim, "x", "x", t0.plusSeconds(99)),
                    OutboxReceipt.unknown(claim, "x", "x")), t0.plusSeconds(3))).isZero();
        }

        assertThat(outbox().find(pending.id())).contains(pending);
        assertThat(outbox().find(sent.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.providerMessageId()).isEqualTo("first");
            assertThat(m.errorCode()).isNull();
        });
    }

    @Test
    void expireAbandonedTurnsSendingRowsWithExpiredLeasesUnknown() {
        OutboxMessage abandoned = message(t0, t0);
        OutboxMessage stillLeased = message(t0, t0);
        OutboxMessage pending = message(t0, t0);
        outbox().insert(List.of(abandoned, stillLeased, pending));
        outbox().claim(abandoned.id(), "dead-node", t0, t0.plusSeconds(30));
        outbox().claim(stillLeased.id(), "live-node", t0, t0.plusSeconds(90));

        assertThat(outbox().expireAbandoned(t0.plusSeconds(30))).isZero();
        assertThat(outbox().expireAbandoned(t0.plusSeconds(31))).isEqualTo(1);

        assertThat(outbox().find(abandoned.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.UNKNOWN);
            assertThat(m.errorMessage()).isNotBlank();
        });
        assertThat(outbox().find(stillLeased.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(outbox().find(pending.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox().claim(abandoned.id(), "node-b", t0.plusSeconds(32), t0.plusSeconds(60))).isEmpty();
    }

    @Test
    void forContactListsNewestFirstWithinTheTenant() {
        OutboxMessage older = message(t0, t0);
        OutboxMessage newer = message(t0, t0.plusSeconds(5));
        outbox().insert(List.of(older, newer));

        assertThat(outbox().forContact(tenant, contact, 10)).containsExactly(newer, older);
        assertThat(outbox().forContact(tenant, contact, 1)).containsExactly(newer);
        assertThat(outbox().forContact(nextId(), contact, 10)).isEmpty();
    }

    @Test
    void postponeMovesOnlyADeferredRowStillDueWhenTheCallerSawIt() {
        Instant slot = t0.plusSeconds(3600);
        OutboxMessage deferred = message(slot, t0);
        OutboxMessage leasedAfterAll = message(t0, t0);
        outbox().insert(List.of(deferred, leasedAfterAll));
        outbox().claim(leasedAfterAll.id(), "node-a", t0, t0.plus(lease));

        assertThat(outbox().postpone(deferred.id(), slot.plusSeconds(1), slot.plusSeconds(60), t0)).isFalse();
        assertThat(outbox().postpone(leasedAfterAll.id(), t0, slot, t0)).isFalse();
        assertThat(outbox().postpone(deferred.id(), slot, slot.plusSeconds(60), t0.plusSeconds(1))).isTrue();

        assertThat(outbox().find(deferred.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.nextAttemptAt()).isEqualTo(slot.plusSeconds(60));
            assertThat(m.updatedAt()).isEqualTo(t0.plusSeconds(1));
        });
        assertThat(outbox().claim(deferred.id(), "node-a", slot, slot.plus(lease))).isEmpty();
        assertThat(outbox().find(leasedAfterAll.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void withdrawDropsADeferredRowForGoodWithTheReason() {
        Instant slot = t0.plusSeconds(3600);
        OutboxMessage deferred = message(slot, t0);
        outbox().insert(List.of(deferred));

        assertThat(outbox().withdraw(deferred.id(), slot.minusSeconds(1), "late", t0)).isFalse();
        assertThat(outbox().withdraw(deferred.id(), slot, "a priority 80 send took its slot", t0)).isTrue();
        assertThat(outbox().withdraw(deferred.id(), slot, "twice", t0)).isFalse();

        assertThat(outbox().find(deferred.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.DROPPED);
            assertThat(m.errorCode()).isEqualTo("DISPLACED");
            assertThat(m.errorMessage()).isEqualTo("a priority 80 send took its slot");
        });
        assertThat(outbox().claimDue(slot.plusSeconds(1), 10, "node-a", slot.plus(lease))).isEmpty();
    }

    @Test
    void aRefusedSendWithAFallbackMovesToItsNextChannelOnTheSameRowAttemptsAfresh() {
        Map<String, Object> card = Fallbacks.attach(Map.of("msgtype", "text", "content", "hi"), List.of(
                new Fallbacks.Fallback("wechat.template", "wx-app", "o1", Map.of("templateId", "TPL")),
                new Fallbacks.Fallback("sms", "", "+8613800000000", Map.of("templateCode", "SMS_1"))));
        OutboxMessage kefu = new OutboxMessage(nextId(), tenant, nextId(), nextId(), "welcome", 1, contact,
                "wechat.kefu", "wx-app", "o1", card, OutboxStatus.PENDING, 0, t0, null, null, null, t0, t0);
        outbox().insert(List.of(kefu));
        OutboxClaim claim = outbox().lease(List.of(kefu.id()), "node-a", t0.plusSeconds(1), t0.plusSeconds(31))
                .get(0);

        OutboxReceipt refused = OutboxReceipt.refused(claim, "45015", "out of time", t0.plusSeconds(2));
        assertThat(outbox().settle("node-a", List.of(refused), t0.plusSeconds(2))).isEqualTo(1);

        assertThat(outbox().find(kefu.id())).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.channel()).isEqualTo("wechat.template");
            assertThat(m.recipient()).isEqualTo("o1");
            assertThat(m.attempts()).isZero();
            assertThat(m.nextAttemptAt()).isEqualTo(t0.plusSeconds(2));
            assertThat(m.errorCode()).isEqualTo("45015");
            assertThat(m.errorMessage()).isEqualTo("wechat.kefu refused it (45015: out of time); moved to"
                    + " wechat.template");
            assertThat(Fallbacks.strip(m.message())).isEqualTo(Map.of("templateId", "TPL"));
            assertThat(Fallbacks.of(m.message())).extracting(Fallbacks.Fallback::channel).containsExactly("sms");
        });
        assertThat(outbox().claim(kefu.id(), "node-b", t0.plusSeconds(2), t0.plusSeconds(60)))
                .hasValueSatisfying(m -> assertThat(m.attempts()).isEqualTo(1));
    }

    @Test
    void aRefusedSendWithoutAFallbackIsRejected() {
        OutboxClaim claim = leased();

        outbox().settle("node-a", List.of(OutboxReceipt.refused(claim, "45047", "quota", t0.plusSeconds(2))),
                t0.plusSeconds(2));

        assertThat(outbox().find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.REJECTED);
    }

    /** A template row through an account no other test uses (the counts below are per account). */
    private OutboxMessage through(String account, String channel) {
        return new OutboxMessage(nextId(), tenant, nextId(), nextId(), "welcome", 1, contact, channel, account, "o1",
                Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, t0, null, null, null, t0, t0);
    }

    private OutboxClaim claimed(OutboxMessage message) {
        outbox().insert(List.of(message));
        return outbox().lease(List.of(message.id()), "node-a", t0.plusSeconds(1), t0.plusSeconds(31)).get(0);
    }

    @Test
    void countAttemptedCountsTheAccountsRowsFirstTriedSinceAnInstantThatAreNoLongerBeingSent() {
        String account = "wx-count-" + nextId();
        outbox().settle("node-a", List.of(OutboxReceipt.sent(claimed(through(account, "wechat.template")), "m1")),
                t0.plusSeconds(2));
        claimed(through(account, "wechat.template")); // still SENDING: its sender counts it
        outbox().insert(List.of(through(account, "wechat.template"))); // never tried
        outbox().settle("node-a", List.of(OutboxReceipt.sent(claimed(through(account, "wechat.kefu")), null)),
                t0.plusSeconds(2));

        assertThat(outbox().countAttempted("wechat.template", account, t0)).isEqualTo(1);
        assertThat(outbox().countAttempted("wechat.template", account, t0.plusSeconds(2))).isZero();
        assertThat(outbox().countAttempted("wechat.template", account + "x", t0)).isZero();
        assertThat(outbox().countAttempted("wechat.kefu", account, t0)).isEqualTo(1);
    }

    @Test
    void aDeliveryReportLandsOnTheRowOfItsProviderMessageIdOnThatAccount() {
        String account = "wx-report-" + nextId();
        String msgId = String.valueOf(nextId());
        OutboxClaim claim = claimed(through(account, "wechat.template"));
        outbox().settle("node-a", List.of(OutboxReceipt.sent(claim, msgId)), t0.plusSeconds(2));

        assertThat(outbox().deliveryStatus(claim.id())).isEmpty();
        assertThat(outbox().recordDelivery("wechat.template", account + "x", msgId, "success", t0)).isZero();
        assertThat(outbox().recordDelivery("wechat.template", account, msgId, "failed:user block",
                t0.plusSeconds(9))).isEqualTo(1);

        assertThat(outbox().deliveryStatus(claim.id())).contains("failed:user block");
        assertThat(outbox().find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }
}

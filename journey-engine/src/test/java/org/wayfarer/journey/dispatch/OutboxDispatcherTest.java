package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.DailyQuota;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

class OutboxDispatcherTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Delivery> sent = new ArrayList<>();
    private Function<Delivery, SendReceipt> provider = d -> new SendReceipt.Accepted("MSG-" + d.deliveryId());
    private Duration rateLimitWait = Duration.ZERO;
    private Duration windowed = Duration.ZERO;
    private Function<Reach, Optional<String>> reachable = reach -> Optional.empty();
    private Optional<DailyQuota> quota = Optional.empty();
    private final List<Reach> reachChecks = new ArrayList<>();
    private final List<String> ownershipChecks = new ArrayList<>();
    /** Tenant 1 has connected "wxapp" and nothing else. */
    private final AccountOwnership ownership = new AccountOwnership(List.of(new ChannelAccounts() {
        @Override
        public boolean owns(long tenantId, String channel, String account) {
            ownershipChecks.add(tenantId + "/" + channel + "/" + account);
            return tenantId == 1 && account.equals("wxapp");
        }

        @Override
        public boolean covers(String channel) {
            return channel.startsWith("wechat.");
        }
    }));

    private final OutboxDispatcher dispatcher = dispatcher(Runnable::run, "node-a", 4);

    @Test
    void sendsClaimedRowOnceAndRecordsProviderId() {
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        dispatcher.dispatchSoon(List.of(1L));

        assertThat(sent).extracting(Delivery::deliveryId).containsExactly(1L);
        assertThat(sent.get(0).recipient()).isEqualTo("openid-1");
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored(1).providerMessageId()).isEqualTo("MSG-1");
    }

    @Test
    void aSendItsChannelCanNoLongerReachIsRejectedWithoutCallingTheProvider() {
        reachable = reach -> Optional.of("reply window closed");
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));

        assertThat(sent).isEmpty();
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(1).errorCode()).isEqualTo("unreachable");
        assertThat(stored(1).errorMessage()).isEqualTo("reply window closed");
        assertThat(reachChecks).singleElement().isEqualTo(new Reach(1, 30, "wxapp", "openid-1", 1, clock.instant(),
                Map.of("templateId", "TPL")));
    }

    @Test
    void sendsOverTheDailyQuotaWaitForTheProvidersNextDayCountingWhatWasSentBeforeARestart() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        quota = Optional.of(new DailyQuota(3, shanghai));
        queue(1);
        dispatcher.dispatchSoon(List.of(1L));
        OutboxDispatcher restarted = dispatcher(Runnable::run, "node-b", 4);
        for (long id = 2; id <= 4; id++) {
            queue(id);
        }

        restarted.dispatchSoon(List.of(2L, 3L, 4L));

        assertThat(sent).extracting(Delivery::deliveryId).containsExactly(1L, 2L, 3L);
        Instant tomorrow = clock.instant().atZone(shanghai).toLocalDate().plusDays(1).atStartOfDay(shanghai)
                .toInstant();
        assertThat(stored(4)).satisfies(row -> {
            assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(row.nextAttemptAt()).isEqualTo(tomorrow);
            assertThat(row.errorCode()).isEqualTo("quota-spent");
            assertThat(row.attempts()).as("not an attempt").isZero();
        });

        clock.set(tomorrow);
        restarted.sweep();
        assertThat(sent).extracting(Delivery::deliveryId).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void rejectedReceiptIsFinal() {
        provider = d -> new SendReceipt.Rejected("43004", "require subscribe");
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        clock.advance(Duration.ofHours(1));
        dispatcher.sweep();

        assertThat(sent).hasSize(1);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(1).errorCode()).isEqualTo("43004");
    }

    @Test
    void retryLaterBacksOffExponentiallyThenGivesUp() {
        provider = d -> new SendReceipt.RetryLater("-1", "system busy", Duration.ofSeconds(5));
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        assertThat(stored(1).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));

        clock.advance(Duration.ofSeconds(4));
        assertThat(dispatcher.sweep()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.sweep();
        assertThat(stored(1).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        dispatcher.sweep();

        assertThat(sent).hasSize(3);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(1).errorMessage()).startsWith("gave up after 3 attempts");
    }

    @Test
    void unknownOutcomeIsNeverResent() {
        provider = d -> new SendReceipt.Unknown("read timed out");
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        clock.advance(Duration.ofDays(1));
        dispatcher.sweep();

        assertThat(sent).hasSize(1);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void senderThatThrowsCountsAsUnknownNotAsRetry() {
        provider = d -> {
            throw new IllegalStateException("bug");
        };
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        clock.advance(Duration.ofDays(1));
        dispatcher.sweep();

        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void rateLimitDefersInsteadOfDropping() {
        rateLimitWait = Duration.ofMillis(250);
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));

        assertThat(sent).isEmpty();
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored(1).nextAttemptAt()).isEqualTo(clock.instant().plusMillis(250));

        rateLimitWait = Duration.ZERO;
        clock.advance(Duration.ofMillis(250));
        dispatcher.sweep();
        assertThat(sent).hasSize(1);
    }

    @Test
    void rateLimitDeferralIsNotCountedAsAnAttempt() {
        provider = d -> new SendReceipt.RetryLater("-1", "system busy", Duration.ofSeconds(1));
        rateLimitWait = Duration.ofMillis(250);
        queue(1);

        dispatcher.dispatchSoon(List.of(1L));
        for (int i = 0; i < 5; i++) {   // more deferrals than maxAttempts (3)
            clock.advance(Duration.ofMillis(250));
            dispatcher.sweep();
        }
        assertThat(stored(1).attempts()).isZero();
        rateLimitWait = Duration.ZERO;
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(10));
            dispatcher.sweep();
        }

        assertThat(sent).as("every attempt reached the provider").hasSize(3);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(1).errorMessage()).startsWith("gave up after 3 attempts");
    }

    @Test
    void rowForUnregisteredChannelIsRejected() {
        outbox.insert(List.of(row(2, "sms.aliyun")));

        dispatcher.dispatchSoon(List.of(2L));

        assertThat(stored(2).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(2).errorCode()).isEqualTo("no-sender");
    }

    @Test
    void rowWhoseTenantDoesNotOwnTheAccountIsRejectedWithoutCallingTheProvider() {
        outbox.insert(List.of(row(3, 2, "wechat.template", "wxapp"), row(4, 1, "wechat.template", "wxother")));

        dispatcher.dispatchSoon(List.of(3L, 4L));

        assertThat(sent).isEmpty();
        assertThat(List.of(stored(3), stored(4))).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(m.errorCode()).isEqualTo("account-not-owned");
        });
        assertThat(ownershipChecks).containsExactlyInAnyOrder("2/wechat.template/wxapp",
                "1/wechat.template/wxother");
    }

    @Test
    void claimsOnlyWhatThePoolCanTakeAndTheRestAsSlotsFreeUp() {
        ManualExecutor pool = new ManualExecutor();
        OutboxDispatcher bounded = dispatcher(pool, "node-a", 4);
        LongStream.rangeClosed(1, 10).forEach(this::queue);

        bounded.dispatchSoon(LongStream.rangeClosed(1, 10).boxed().toList());

        assertThat(pool.queued()).isEqualTo(4);
        assertThat(statuses(10)).containsExactly(4L, 6L);
        assertThat(bounded.sweep()).as("the pool is full: the sweep claims nothing").isZero();

        pool.runNext();
        assertThat(pool.queued()).as("the freed slot took the next signalled row").isEqualTo(4);
        pool.runAll();

        assertThat(sent).extracting(Delivery::deliveryId).doesNotHaveDuplicates().hasSize(10);
        assertThat(LongStream.rangeClosed(1, 10).mapToObj(this::stored))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void claimsManyRowsInOneStatement() {
        CountingOutbox counting = new CountingOutbox(outbox);
        ManualExecutor pool = new ManualExecutor();
        OutboxDispatcher batched = new OutboxDispatcher(counting, senders(), ownership, (c, a) -> Duration.ZERO,
                pool, clock, new OutboxDispatcher.Settings("node-a", LEASE, 3, 100, 50));
        LongStream.rangeClosed(1, 30).forEach(this::queue);

        batched.dispatchSoon(LongStream.rangeClosed(1, 30).boxed().toList());
        pool.runAll();

        assertThat(counting.leaseCalls).containsExactly(30);
        assertThat(sent).hasSize(30);
    }

    @Test
    void insertedRowsAreClaimedFromTheirMessagesAndIdSignalsByIdEachClaimOfOneKind() {
        CountingOutbox counting = new CountingOutbox(outbox);
        ManualExecutor pool = new ManualExecutor();
        OutboxDispatcher batched = new OutboxDispatcher(counting, senders(), ownership, (c, a) -> Duration.ZERO,
                pool, clock, new OutboxDispatcher.Settings("node-a", LEASE, 3, 100, 2));
        LongStream.rangeClosed(1, 2).forEach(this::queue);
        List<OutboxMessage> inserted = List.of(row(3, "wechat.template"), row(4, "wechat.template"));
        outbox.insert(inserted);
        queue(5);

        batched.dispatchInserted(inserted);
        batched.dispatchSoon(List.of(5L, 1L, 2L));
        assertThat(pool.queued()).as("the pool is full").isEqualTo(2);
        pool.runAll();

        assertThat(counting.leasedInserted).containsExactly(3L, 4L);
        assertThat(counting.leaseCalls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(sent).extracting(Delivery::deliveryId).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(LongStream.rangeClosed(1, 5).mapToObj(this::stored))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void aLeaseAboutToExpireIsRenewedBeforeTheProviderCall() {
        ManualExecutor pool = new ManualExecutor();
        OutboxDispatcher slow = dispatcher(pool, "node-a", 4);
        queue(1);
        slow.dispatchSoon(List.of(1L));
        provider = d -> {
            clock.advance(Duration.ofSeconds(10));   // the call outlives the original lease ...
            dispatcher.sweep();                        // ... while a sweep looks for abandoned sends
            return new SendReceipt.Accepted("MSG-" + d.deliveryId());
        };

        clock.advance(LEASE.minusSeconds(5));
        pool.runNext();

        assertThat(sent).hasSize(1);
        assertThat(stored(1).status()).as("renewed before the call, so not abandoned").isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aRowDeclaredUnknownWhileItsSendWaitedIsNeverSent() {
        ManualExecutor pool = new ManualExecutor();
        OutboxDispatcher slow = dispatcher(pool, "node-a", 4);
        queue(1);
        slow.dispatchSoon(List.of(1L));

        clock.advance(LEASE.plusSeconds(1));
        dispatcher.sweep();   // another node's sweep: the lease expired, no window, so UNKNOWN
        pool.runAll();

        assertThat(sent).isEmpty();
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void aRowClaimedAgainByAnotherDispatcherIsNotSentByTheFirst() {
        windowed = Duration.ofMinutes(8);
        ManualExecutor stalled = new ManualExecutor();
        OutboxDispatcher first = dispatcher(stalled, "node-a", 4);
        ManualExecutor other = new ManualExecutor();
        OutboxDispatcher second = dispatcher(other, "node-b", 4);
        queue(1);
        first.dispatchSoon(List.of(1L));

        clock.advance(LEASE.plusSeconds(1));
        second.sweep();   // repeats the abandoned send: claimed by node-b
        stalled.runAll();
        other.runAll();

        assertThat(sent).extracting(Delivery::deliveryId).containsExactly(1L);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored(1).attempts()).isEqualTo(2);
    }

    private OutboxDispatcher dispatcher(Executor pool, String owner, int capacity) {
        return new OutboxDispatcher(outbox, senders(), ownership, (channel, account) -> rateLimitWait, pool, clock,
                new OutboxDispatcher.Settings(owner, LEASE, 3, 100, capacity));
    }

    private ChannelSenders senders() {
        return new ChannelSenders(List.of(new RecordingSender()));
    }

    /** How many rows are SENDING and how many PENDING, of rows 1..n. */
    private List<Long> statuses(long n) {
        List<OutboxMessage> rows = LongStream.rangeClosed(1, n).mapToObj(this::stored).toList();
        return List.of(rows.stream().filter(m -> m.status() == OutboxStatus.SENDING).count(),
                rows.stream().filter(m -> m.status() == OutboxStatus.PENDING).count());
    }

    private OutboxMessage stored(long id) {
        return outbox.find(id).orElseThrow();
    }

    private void queue(long id) {
        outbox.insert(List.of(row(id, "wechat.template")));
    }

    private OutboxMessage row(long id, String channel) {
        return row(id, 1, channel, "wxapp");
    }

    private OutboxMessage row(long id, long tenant, String channel, String account) {
        return new OutboxMessage(id, tenant, 10 + id, 20, "welcome", 1, 30, channel, account, "openid-" + id,
                Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, clock.instant(), null, null, null,
                clock.instant(), clock.instant());
    }

    private final class RecordingSender implements ChannelSender {
        @Override
        public String channel() {
            return "wechat.template";
        }

        @Override
        public IdentityKind addressKind() {
            return IdentityKind.WECHAT_OPENID;
        }

        @Override
        public Duration idempotencyWindow() {
            return windowed;
        }

        @Override
        public Optional<DailyQuota> dailyQuota(String account) {
            return quota;
        }

        @Override
        public Optional<String> unreachable(Reach reach) {
            reachChecks.add(reach);
            return reachable.apply(reach);
        }

        @Override
        public SendReceipt send(Delivery delivery) {
            sent.add(delivery);
            return provider.apply(delivery);
        }
    }
}

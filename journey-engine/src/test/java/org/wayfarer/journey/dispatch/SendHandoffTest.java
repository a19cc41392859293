package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;
import org.wayfarer.journey.testing.RecordingSender;

/** {@link OutboxDispatcher} as the {@link SendHandoff} of processing transactions. */
class SendHandoffTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final CountingOutbox outbox = new CountingOutbox(new InMemoryOutbox());
    private final ManualExecutor pool = new ManualExecutor();
    private final AccountOwnership ownership = new AccountOwnership(List.of(new ChannelAccounts() {
        @Override
        public boolean owns(long tenantId, String channel, String account) {
            return true;
        }

        @Override
        public boolean covers(String channel) {
            return true;
        }
    }));
    private final RecordingSender template = new RecordingSender("wechat.template", Duration.ofMinutes(8));
    private final ChannelSenders senders = new ChannelSenders(List.of(template,
            new RecordingSender("wechat.kefu", Duration.ZERO)));

    @Test
    void rowsOfARepeatableChannelAreLeasedInTheTransactionUpToWhatThePoolCanTake() {
        OutboxDispatcher dispatcher = dispatcher("node-a", 2);

        QueuedSends sends = dispatcher.split(List.of(row(1, "wechat.template"), row(2, "wechat.template"),
                row(3, "wechat.template")));
        insert(sends);

        assertThat(sends.leased()).extracting(OutboxClaim::id).containsExactly(1L, 2L);
        assertThat(sends.pending()).extracting(OutboxMessage::id).containsExactly(3L);
        assertThat(sends.leased()).allSatisfy(claim -> {
            assertThat(claim.owner()).isEqualTo("node-a");
            assertThat(claim.firstAttemptAt()).isEqualTo(clock.instant());
            assertThat(claim.message().attempts()).isEqualTo(1);
            assertThat(outbox.find(claim.id())).contains(claim.message());
        });

        dispatcher.committed(sends);
        pool.runAll();

        assertThat(template.sent()).extracting(Delivery::deliveryId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(outbox.leasedInserted).as("only the row the pool could not take was claimed after the commit")
                .containsExactly(3L);
        assertThat(outbox.leaseCalls).isEmpty();
        assertThat(List.of(1L, 2L, 3L)).extracting(id -> outbox.find(id).orElseThrow().status())
                .containsOnly(OutboxStatus.SENT);
    }

    @Test
    void rowsOfAtMostOnceChannelsAndRowsNotDueAreInsertedPending() {
        OutboxDispatcher dispatcher = dispatcher("node-a", 10);
        OutboxMessage later = new OutboxMessage(3, 1, 13, 20, "welcome", 1, 30, "wechat.template", "wxapp", "o3",
                Map.of(), OutboxStatus.PENDING, 0, clock.instant().plusSeconds(60), null, null, null,
                clock.instant(), clock.instant());

        QueuedSends sends = dispatcher.split(List.of(row(1, "wechat.kefu"), row(2, "wechat.template"), later));

        assertThat(sends.leased()).extracting(OutboxClaim::id).containsExactly(2L);
        assertThat(sends.pending()).extracting(OutboxMessage::id).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void aRowQueuedInTheSameMillisecondIsDue() {
        clock.set(Instant.parse("2026-12-02T08:00:00.123456789Z"));
        OutboxDispatcher dispatcher = dispatcher("node-a", 10);

        QueuedSends sends = dispatcher.split(List.of(row(1, "wechat.template")));

        assertThat(sends.leased()).singleElement().satisfies(claim -> {
            assertThat(claim.firstAttemptAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00.123Z"));
            assertThat(claim.message().nextAttemptAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00.123Z"));
        });
    }

    @Test
    void aRollbackGivesTheReservedSlotsBack() {
        OutboxDispatcher dispatcher = dispatcher("node-a", 2);

        dispatcher.rolledBack(dispatcher.split(List.of(row(1, "wechat.template"), row(2, "wechat.template"))));

        assertThat(dispatcher.split(List.of(row(3, "wechat.template"), row(4, "wechat.template"))).leased())
                .hasSize(2);
    }

    @Test
    void aRowLeasedByANodeThatDiedBeforeSendingIsSentOnceAfterItsLeaseWithTheSameDeliveryId() {
        QueuedSends sends = dispatcher("node-a", 2).split(List.of(row(1, "wechat.template")));
        insert(sends); // committed, then node-a died before its pool ran the send
        OutboxDispatcher survivor = dispatcher("node-b", 2);

        survivor.sweep();
        pool.runAll();
        assertThat(template.sent()).as("still leased to node-a").isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        survivor.sweep();
        pool.runAll();
        survivor.sweep();
        pool.runAll();

        assertThat(template.sent()).extracting(Delivery::deliveryId).containsExactly(1L);
        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    private void insert(QueuedSends sends) {
        outbox.insert(sends.pending());
        outbox.insertLeased(sends.leased());
    }

    private OutboxDispatcher dispatcher(String owner, int capacity) {
        return new OutboxDispatcher(outbox, senders, ownership, (channel, account) -> Duration.ZERO, pool, clock,
                new OutboxDispatcher.Settings(owner, LEASE, 3, 100, capacity));
    }

    private OutboxMessage row(long id, String channel) {
        return new OutboxMessage(id, 1, 10 + id, 20, "welcome", 1, 30, channel, "wxapp", "openid-" + id,
                Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, clock.instant(), null, null, null,
                clock.instant(), clock.instant());
    }
}

package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/**
 * Unknown outcomes: a channel whose provider de-duplicates the delivery id (a window, like WeChat template
 * {@code client_msg_id}) repeats the send with the same id while the first attempt is inside the window, so it is
 * delivered exactly once; past the window, and on channels without one, an unknown outcome is final.
 */
class UnknownOutcomeRetryTest {

    private static final Duration WINDOW = Duration.ofMinutes(8);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final SendReceipt.Unknown TIMEOUT = new SendReceipt.Unknown("SocketTimeoutException: timed out");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final ScriptedSender template = new ScriptedSender("wechat.template", WINDOW);
    private final ScriptedSender kefu = new ScriptedSender("wechat.kefu", Duration.ZERO);
    private final OutboxDispatcher dispatcher = dispatcher(Runnable::run, "node-a");

    @Test
    void unknownOutcomeWithinTheWindowIsRepeatedWithTheSameDeliveryId() {
        template.answers(TIMEOUT, new SendReceipt.Accepted("MSG-1"));
        queue(1, "wechat.template");

        dispatcher.dispatchSoon(List.of(1L));
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored(1).errorCode()).isEqualTo("unknown");
        clock.advance(DeliveryPolicy.IN_DOUBT_RETRY);
        dispatcher.sweep();

        assertThat(template.calls).extracting(Call::deliveryId).containsExactly(1L, 1L);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored(1).providerMessageId()).isEqualTo("MSG-1");
    }

    @Test
    void unknownOutcomesStopBeingRepeatedBeforeTheWindowEnds() {
        template.alwaysAnswers(TIMEOUT);
        queue(1, "wechat.template");
        Instant first = clock.instant();

        dispatcher.dispatchSoon(List.of(1L));
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(30));
            dispatcher.sweep();
        }

        assertThat(template.calls).hasSizeGreaterThan(2)
                .allSatisfy(call -> assertThat(call.at()).isBefore(first.plus(WINDOW)));
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
        int calls = template.calls.size();
        clock.advance(Duration.ofDays(1));
        dispatcher.sweep();
        assertThat(template.calls).as("never resent once UNKNOWN").hasSize(calls);
    }

    @Test
    void aRepeatDueAfterTheWindowIsNotMadeAndTheRowBecomesUnknown() {
        template.answers(TIMEOUT, new SendReceipt.Accepted("MSG-1"));
        queue(1, "wechat.template");

        dispatcher.dispatchSoon(List.of(1L));
        clock.advance(WINDOW);   // e.g. the node was down until the window had passed
        dispatcher.sweep();

        assertThat(template.calls).hasSize(1);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(stored(1).errorCode()).isEqualTo("window-passed");
    }

    @Test
    void providerBackPressureAfterAnUnknownOutcomeEndsUnknownWhenTheNextTryWouldMissTheWindow() {
        template.answers(TIMEOUT, new SendReceipt.RetryLater("45009", "reach max api daily quota limit",
                Duration.ofHours(1)));
        queue(1, "wechat.template");

        dispatcher.dispatchSoon(List.of(1L));
        clock.advance(DeliveryPolicy.IN_DOUBT_RETRY);
        dispatcher.sweep();
        clock.advance(Duration.ofHours(2));
        dispatcher.sweep();

        assertThat(template.calls).hasSize(2);
        assertThat(stored(1).status()).as("the first attempt may have been delivered").isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void anExpiredLeaseWithinTheWindowIsRepeatedOnce() {
        ManualExecutor dies = new ManualExecutor();
        dispatcher(dies, "node-crashed").dispatchSoon(List.of(queue(1, "wechat.template")));
        dies.drop();   // killed after the claim, maybe mid-call
        template.answers(new SendReceipt.Accepted("MSG-1"));

        clock.advance(LEASE.plusMillis(1));
        dispatcher.sweep();
        clock.advance(Duration.ofMinutes(5));
        dispatcher.sweep();

        assertThat(template.calls).extracting(Call::deliveryId).containsExactly(1L);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored(1).attempts()).isEqualTo(2);
    }

    @Test
    void anExpiredLeaseFoundAfterTheWindowBecomesUnknown() {
        ManualExecutor dies = new ManualExecutor();
        dispatcher(dies, "node-crashed").dispatchSoon(List.of(queue(1, "wechat.template")));
        dies.drop();

        clock.advance(WINDOW.plusSeconds(1));
        dispatcher.sweep();

        assertThat(template.calls).isEmpty();
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(stored(1).errorCode()).isEqualTo("LEASE_EXPIRED");
    }

    @Test
    void aChannelWithoutAWindowKeepsAtMostOnce() {
        kefu.alwaysAnswers(TIMEOUT);
        queue(1, "wechat.kefu");
        ManualExecutor dies = new ManualExecutor();
        dispatcher(dies, "node-crashed").dispatchSoon(List.of(queue(2, "wechat.kefu")));
        dies.drop();

        dispatcher.dispatchSoon(List.of(1L));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(30));
            dispatcher.sweep();
        }

        assertThat(kefu.calls).extracting(Call::deliveryId).containsExactly(1L);
        assertThat(stored(1).status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(stored(2).status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(stored(2).errorCode()).isEqualTo("LEASE_EXPIRED");
    }

    private OutboxDispatcher dispatcher(Executor pool, String owner) {
        ChannelAccounts all = new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return true;
            }

            @Override
            public boolean covers(String channel) {
                return true;
            }
        };
        return new OutboxDispatcher(outbox, new ChannelSenders(List.of(template, kefu)),
                new AccountOwnership(List.of(all)), (channel, account) -> Duration.ZERO, pool, clock,
                new OutboxDispatcher.Settings(owner, LEASE, 20, 100, 8));
    }

    private OutboxMessage stored(long id) {
        return outbox.find(id).orElseThrow();
    }

    private long queue(long id, String channel) {
        outbox.insert(List.of(new OutboxMessage(id, 1, 10 + id, 20, "welcome", 1, 30, channel, "wxapp",
                "openid-" + id, Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, clock.instant(), null, null,
                null, clock.instant(), clock.instant())));
        return id;
    }

    private record Call(long deliveryId, Instant at) {
    }

    private final class ScriptedSender implements ChannelSender {

        final List<Call> calls = new ArrayList<>();
        private final String channel;
        private final Duration window;
        private final Deque<SendReceipt> script = new ArrayDeque<>();
        private SendReceipt otherwise = new SendReceipt.Accepted(null);

        ScriptedSender(String channel, Duration window) {
            this.channel = channel;
            this.window = window;
        }

        void answers(SendReceipt... receipts) {
            script.addAll(List.of(receipts));
        }

        void alwaysAnswers(SendReceipt receipt) {
            otherwise = receipt;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public IdentityKind addressKind() {
            return IdentityKind.WECHAT_OPENID;
        }

        @Override
        public Duration idempotencyWindow() {
            return window;
        }

        @Override
        public SendReceipt send(Delivery delivery) {
            calls.add(new Call(delivery.deliveryId(), clock.instant()));
            return script.isEmpty() ? otherwise : script.pollFirst();
        }
    }
}

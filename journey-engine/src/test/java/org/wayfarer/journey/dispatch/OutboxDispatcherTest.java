package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

class OutboxDispatcherTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Delivery> sent = new ArrayList<>();
    private Function<Delivery, SendReceipt> provider = d -> new SendReceipt.Accepted("MSG-" + d.deliveryId());
    private Duration rateLimitWait = Duration.ZERO;

    private final OutboxDispatcher dispatcher = new OutboxDispatcher(outbox,
            new ChannelSenders(List.of(new RecordingSender())), (channel, account) -> rateLimitWait, Runnable::run,
            clock, new OutboxDispatcher.Settings("node-a", Duration.ofMinutes(1), 3, 100));

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
    void rowForUnregisteredChannelIsRejected() {
        outbox.insert(List.of(row(2, "sms.aliyun")));

        dispatcher.dispatchSoon(List.of(2L));

        assertThat(stored(2).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(stored(2).errorCode()).isEqualTo("no-sender");
    }

    private OutboxMessage stored(long id) {
        return outbox.find(id).orElseThrow();
    }

    private void queue(long id) {
        outbox.insert(List.of(row(id, "wechat.template")));
    }

    private OutboxMessage row(long id, String channel) {
        return new OutboxMessage(id, 1, 10, 20, "welcome", 1, 30, channel, "wxapp", "openid-" + id,
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
        public SendReceipt send(Delivery delivery) {
            sent.add(delivery);
            return provider.apply(delivery);
        }
    }
}

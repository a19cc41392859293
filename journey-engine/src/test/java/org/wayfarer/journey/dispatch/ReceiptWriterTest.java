package org.wayfarer.journey.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

class ReceiptWriterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InMemoryOutbox rows = new InMemoryOutbox();
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void receiptsArrivingDuringAWriteAreWrittenTogetherByTheWriterWithoutMakingTheirThreadsWait() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingOutbox outbox = new CountingOutbox(rows) {
            @Override
            public int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
                if (settleCalls.isEmpty()) {
                    writing.countDown();
                    await(release);
                }
                return super.settle(owner, receipts, at);
            }
        };
        ReceiptWriter writer = new ReceiptWriter(outbox, "node-a", clock, 100, written::addAndGet);
        List<OutboxClaim> claims = claims(5);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                writer.submit(OutboxReceipt.sent(claims.get(0), "m0")));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 5; i++) {
            writer.submit(OutboxReceipt.sent(claims.get(i), "m" + i));   // returns at once: a write is under way
        }
        assertThat(written).hasValue(0);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(outbox.settleCalls).containsExactly(1, 4);
        assertThat(written).hasValue(5);
        assertThat(claims).allSatisfy(c -> assertThat(rows.find(c.id()).orElseThrow().status())
                .isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void aFailedWriteKeepsItsReceiptsForTheNextDrain() {
        AtomicInteger failures = new AtomicInteger(1);
        CountingOutbox outbox = new CountingOutbox(rows) {
            @Override
            public int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database unavailable");
                }
                return super.settle(owner, receipts, at);
            }
        };
        ReceiptWriter writer = new ReceiptWriter(outbox, "node-a", clock, 100, written::addAndGet);
        OutboxClaim claim = claims(1).get(0);

        writer.submit(OutboxReceipt.sent(claim, "m0"));
        assertThat(rows.find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(written).as("slots stay taken until the receipt is durable").hasValue(0);

        writer.drain();

        assertThat(rows.find(claim.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(written).hasValue(1);
    }

    private List<OutboxClaim> claims(int n) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            messages.add(new OutboxMessage(id, 1, 100 + id, 20, "welcome", 1, 30, "wechat.template", "wxapp",
                    "openid-" + id, Map.of(), OutboxStatus.PENDING, 0, clock.instant(), null, null, null,
                    clock.instant(), clock.instant()));
        }
        rows.insert(messages);
        return rows.lease(messages.stream().map(OutboxMessage::id).toList(), "node-a", clock.instant(),
                clock.instant().plusSeconds(60));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

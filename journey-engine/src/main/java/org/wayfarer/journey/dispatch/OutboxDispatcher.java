package org.wayfarer.journey.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;

/**
 * Sends outbox rows. A row is claimed (PENDING to SENDING, leased, one attempt counted) before the provider is
 * called and its receipt recorded after, so no row is sent by two dispatchers and a row whose outcome is unknown is
 * never resent: a crash mid-call leaves it SENDING until {@link #sweep()} turns the expired lease into UNKNOWN.
 * Rate limits defer a send (back to PENDING), never drop it.
 */
public final class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final ChannelSenders senders;
    private final SendRateLimiter limiter;
    private final Executor executor;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param owner       lease owner name of this node
     * @param lease       how long a claim may stay SENDING before it counts as abandoned (longer than any send)
     * @param maxAttempts attempts before a retried row is given up as REJECTED
     */
    public record Settings(String owner, Duration lease, int maxAttempts, int sweepBatch) {
    }

    public OutboxDispatcher(Outbox outbox, ChannelSenders senders, SendRateLimiter limiter, Executor executor,
                            Clock clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox);
        this.senders = Objects.requireNonNull(senders);
        this.limiter = Objects.requireNonNull(limiter);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Hands freshly committed rows to the send pool; if the pool is full they wait for the next sweep. */
    public void dispatchSoon(List<Long> ids) {
        for (Long id : ids) {
            try {
                executor.execute(() -> claimAndSend(id));
            } catch (RejectedExecutionException full) {
                log.debug("send pool full; outbox row {} waits for the sweep", id);
            }
        }
    }

    /** Turns abandoned claims into UNKNOWN and sends what is due (retries, rows whose signal was lost). */
    public int sweep() {
        Instant now = clock.instant();
        int abandoned = outbox.expireAbandoned(now);
        if (abandoned > 0) {
            log.warn("{} outbox rows were abandoned mid-send and are now UNKNOWN (not resent)", abandoned);
        }
        List<OutboxMessage> due = outbox.claimDue(now, settings.sweepBatch(), settings.owner(),
                now.plus(settings.lease()));
        for (OutboxMessage message : due) {
            try {
                executor.execute(() -> send(message));
            } catch (RejectedExecutionException full) {
                send(message); // already claimed: send it here rather than strand it until its lease expires
            }
        }
        return due.size();
    }

    private void claimAndSend(long id) {
        Instant now = clock.instant();
        Optional<OutboxMessage> claimed = outbox.claim(id, settings.owner(), now, now.plus(settings.lease()));
        claimed.ifPresent(this::send);
    }

    /** Sends a row this node has claimed and records the receipt. */
    void send(OutboxMessage message) {
        Optional<ChannelSender> sender = senders.find(message.channel());
        if (sender.isEmpty()) {
            outbox.markRejected(message.id(), "no-sender", "no sender registered for channel " + message.channel(),
                    clock.instant());
            return;
        }
        Duration wait = limiter.tryAcquire(message.channel(), message.account());
        if (!wait.isZero()) {
            Instant now = clock.instant();
            outbox.reschedule(message.id(), "rate-limited", "deferred by the send rate limit", now.plus(wait), now);
            return;
        }
        SendReceipt receipt;
        try {
            receipt = sender.get().send(new Delivery(message.id(), message.tenantId(), message.channel(),
                    message.account(), message.recipient(), message.message()));
        } catch (RuntimeException e) {
            // a sender must map provider errors to receipts; a bug here may have sent, so do not resend
            log.error("sender for {} threw on outbox row {}", message.channel(), message.id(), e);
            receipt = new SendReceipt.Unknown("sender failed: " + e.getClass().getSimpleName());
        }
        record(message, receipt);
    }

    private void record(OutboxMessage message, SendReceipt receipt) {
        Instant now = clock.instant();
        if (receipt instanceof SendReceipt.Accepted accepted) {
            outbox.markSent(message.id(), accepted.providerMessageId(), now);
        } else if (receipt instanceof SendReceipt.Rejected rejected) {
            outbox.markRejected(message.id(), rejected.code(), rejected.reason(), now);
        } else if (receipt instanceof SendReceipt.RetryLater retry) {
            if (message.attempts() >= settings.maxAttempts()) {
                outbox.markRejected(message.id(), retry.code(), "gave up after " + message.attempts()
                        + " attempts: " + retry.reason(), now);
            } else {
                Duration backoff = retry.after().multipliedBy(1L << Math.min(message.attempts() - 1, 6));
                outbox.reschedule(message.id(), retry.code(), retry.reason(), now.plus(backoff), now);
            }
        } else if (receipt instanceof SendReceipt.Unknown unknown) {
            outbox.markUnknown(message.id(), unknown.reason(), now);
        }
    }
}

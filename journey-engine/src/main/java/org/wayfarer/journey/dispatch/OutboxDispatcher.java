package org.wayfarer.journey.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;

/**
 * Sends outbox rows in batches. Rows are leased in one go for as many as the send pool can take right now
 * ({@link SendSlots}), sent concurrently on the pool, and their receipts written in batches by a {@link ReceiptWriter}.
 * A row is leased before the provider is called, so no row is sent by two dispatchers.
 *
 * <p>Before every provider call the row's tenant must own the row's (channel, account), else it is REJECTED
 * ({@code account-not-owned}); a rate-limit deferral puts it back to PENDING without counting an attempt; a lease
 * that has expired or is about to is renewed against the database first, and a row that lost its lease meanwhile
 * (declared UNKNOWN, re-queued, claimed by someone else) is not sent. An unknown outcome (no answer, crash mid-call,
 * expired lease) is repeated with the same delivery id while the first attempt is younger than the sender's
 * {@link ChannelSender#idempotencyWindow()}, and is otherwise UNKNOWN, never resent (see {@link DeliveryPolicy}).
 * Thread-safe; no threads of its own: claims run on the caller of {@link #dispatchSoon} or {@link #sweep}, or on a
 * send thread that just freed a slot.
 */
public final class OutboxDispatcher implements SendHandoff {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Signalled ids kept in memory at most; beyond that they wait for the sweep (they are PENDING and due). */
    /** Error code of a send its channel could no longer reach when its turn came (a closed reply window). */
    public static final String UNREACHABLE = "unreachable";
    /** Error code of a send deferred to the next day because its channel's daily quota on the account is spent. */
    public static final String QUOTA_SPENT = "quota-spent";
    private static final int MAX_SIGNALLED = 100_000;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Duration MIN_DEFERRAL = Duration.ofMillis(1);

    private final Outbox outbox;
    private final ChannelSenders senders;
    private final AccountOwnership ownership;
    private final SendRateLimiter limiter;
    private final Executor executor;
    private final Clock clock;
    private final Settings settings;
    private final DeliveryPolicy policy;
    private final SendSlots slots;
    private final ReceiptWriter receipts;
    private final DailyQuotas quotas;
    private final Queue<Signal> signalled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger signalledCount = new AtomicInteger();
    private final ReentrantLock claiming = new ReentrantLock();
    private Instant lastLease = Instant.EPOCH;

    /**
     * @param owner       lease owner name of this node
     * @param lease       how long a claim may stay SENDING before it counts as abandoned (longer than any send)
     * @param maxAttempts attempts before a retried row is given up
     * @param batch       rows per claim statement and receipts per write
     * @param capacity    rows the send pool can hold at once (its threads plus its queue)
     */
    public record Settings(String owner, Duration lease, int maxAttempts, int batch, int capacity) {

        public Settings {
            Objects.requireNonNull(owner, "owner");
            if (lease.compareTo(Duration.ZERO) <= 0 || maxAttempts < 1 || batch < 1 || capacity < 1) {
                throw new IllegalArgumentException("dispatcher settings must be positive: lease " + lease
                        + ", maxAttempts " + maxAttempts + ", batch " + batch + ", capacity " + capacity);
            }
        }
    }

    /**
     * @param executor the bounded send pool; it must accept {@code settings.capacity()} tasks plus one per thread at
     *                 once (a send thread that wrote receipts goes on to claim and submit the next rows)
     */
    public OutboxDispatcher(Outbox outbox, ChannelSenders senders, AccountOwnership ownership, SendRateLimiter limiter,
                            Executor executor, Clock clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox);
        this.senders = Objects.requireNonNull(senders);
        this.ownership = Objects.requireNonNull(ownership);
        this.limiter = Objects.requireNonNull(limiter);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.policy = new DeliveryPolicy(settings.maxAttempts());
        this.slots = new SendSlots(settings.capacity());
        this.receipts = new ReceiptWriter(outbox, settings.owner(), clock, settings.batch(), this::receiptsWritten);
        this.quotas = new DailyQuotas(outbox);
    }

    /** A row to claim: by id, or from the message its inserter holds ({@link Outbox#leaseInserted}). */
    private record Signal(long id, OutboxMessage inserted) {
    }

    /**
     * Hands freshly committed rows to the send pool: as many as it can take are claimed now, in one go; the rest are
     * claimed as slots free up (or by the sweep). Never blocks on a busy dispatcher and never throws.
     */
    public void dispatchSoon(List<Long> outboxIds) {
        outboxIds.forEach(id -> signal(new Signal(id, null)));
        pump();
    }

    /**
     * {@link #dispatchSoon} of rows the caller just inserted and committed, claimed from these messages
     * ({@link Outbox#leaseInserted}) rather than read back.
     */
    public void dispatchInserted(List<OutboxMessage> inserted) {
        inserted.forEach(m -> signal(new Signal(m.id(), m)));
        pump();
    }

    /**
     * Rows of channels that may repeat a delivery within an idempotency window, due now, are leased by the
     * transaction that inserts them, as many as the send pool can take right now: a claim transaction per batch
     * fewer. That is safe for those channels only: if this node dies after the commit and before the call, the lease
     * expires and the row is repeated with the same delivery id like any send cut off mid-call. Rows of at-most-once
     * channels are inserted PENDING and claimed after the commit, so a crash never turns a send that was never
     * attempted into an UNKNOWN one.
     */
    @Override
    public QueuedSends split(List<OutboxMessage> queued) {
        Instant clockNow = clock.instant();
        List<OutboxMessage> leasable = new ArrayList<>();
        List<OutboxMessage> pending = new ArrayList<>();
        for (OutboxMessage m : queued) {
            (mayRepeat(m.channel()) && !m.nextAttemptAt().isAfter(clockNow) ? leasable : pending).add(m);
        }
        int n = leasable.isEmpty() ? 0 : slots.take(leasable.size());
        if (n == 0) {
            return new QueuedSends(queued, List.of());
        }
        pending.addAll(leasable.subList(n, leasable.size()));
        Instant leaseUntil = nextLease(clockNow);
        List<OutboxClaim> leased = new ArrayList<>(n);
        for (OutboxMessage m : leasable.subList(0, n)) {
            leased.add(OutboxClaim.firstOf(m, settings.owner(), clockNow, leaseUntil));
        }
        return new QueuedSends(pending, leased);
    }

    private boolean mayRepeat(String channel) {
        return senders.find(channel).map(s -> s.idempotencyWindow().compareTo(Duration.ZERO) > 0).orElse(false);
    }

    @Override
    public void committed(QueuedSends sends) {
        submit(sends.leased());
        if (!sends.pending().isEmpty()) {
            dispatchInserted(sends.pending());
        }
    }

    @Override
    public void rolledBack(QueuedSends sends) {
        slots.give(sends.leased().size());
    }

    private void signal(Signal signal) {
        if (signalledCount.incrementAndGet() > MAX_SIGNALLED) {
            signalledCount.decrementAndGet();
            return;
        }
        signalled.add(signal);
    }

    /**
     * Recovery and retries: writes receipts a failed write left behind, repeats abandoned sends (expired lease) of
     * channels that may repeat within their window and turns the other abandoned ones UNKNOWN, then claims due rows
     * (retries, rows whose signal was lost) up to what the pool can take. Returns how many rows it claimed.
     */
    public int sweep() {
        receipts.drain();
        Instant now = clock.instant();
        for (Map.Entry<String, Duration> window : senders.idempotencyWindows().entrySet()) {
            int requeued = outbox.requeueAbandoned(now, window.getKey(), now.minus(window.getValue()),
                    settings.maxAttempts());
            if (requeued > 0) {
                log.warn("{} {} sends were abandoned mid-call; repeating them with the same delivery id, which the"
                        + " provider de-duplicates within {}", requeued, window.getKey(), window.getValue());
            }
        }
        int abandoned = outbox.expireAbandoned(now);
        if (abandoned > 0) {
            log.warn("{} outbox rows were abandoned mid-send and are now UNKNOWN (not resent)", abandoned);
        }
        List<OutboxClaim> due = List.of();
        claiming.lock();
        try {
            int n = slots.take(settings.batch());
            if (n > 0) {
                due = leaseOrGiveBack(n, () -> outbox.leaseDue(now, n, settings.owner(), nextLease(now)));
            }
        } finally {
            claiming.unlock();
        }
        submit(due);
        pump();
        return due.size();
    }

    /** Claims signalled rows while there are some and the pool has room; whoever holds the claim lock does it. */
    private void pump() {
        // a caller that finds the lock taken leaves its signals to the holder, which re-checks after unlocking
        while (!signalled.isEmpty() && slots.free() > 0 && claiming.tryLock()) {
            List<OutboxClaim> claimed;
            try {
                claimed = claimSignalled();
            } catch (RuntimeException e) {
                log.warn("claiming outbox rows failed; the sweep picks them up", e);
                return;
            } finally {
                claiming.unlock();
            }
            submit(claimed);
        }
    }

    /** Claims the next signalled rows of one kind (by message or by id); the pump's loop comes back for the rest. */
    private List<OutboxClaim> claimSignalled() {
        int n = slots.take(Math.min(settings.batch(), Math.max(1, signalledCount.get())));
        Signal first = signalled.peek();
        boolean byMessage = first != null && first.inserted() != null;
        List<Long> ids = new ArrayList<>();
        List<OutboxMessage> inserted = new ArrayList<>();
        // only the holder of the claim lock polls, so what it peeked is what it polls
        for (Signal next; ids.size() + inserted.size() < n && (next = signalled.peek()) != null
                && (next.inserted() != null) == byMessage; ) {
            signalled.poll();
            signalledCount.decrementAndGet();
            if (byMessage) {
                inserted.add(next.inserted());
            } else {
                ids.add(next.id());
            }
        }
        if (ids.isEmpty() && inserted.isEmpty()) {
            slots.give(n);
            return List.of();
        }
        Instant now = clock.instant();
        return leaseOrGiveBack(n, () -> byMessage
                ? outbox.leaseInserted(inserted, settings.owner(), now, nextLease(now))
                : outbox.lease(ids, settings.owner(), now, nextLease(now)));
    }

    private List<OutboxClaim> leaseOrGiveBack(int taken, Supplier<List<OutboxClaim>> lease) {
        List<OutboxClaim> claimed;
        try {
            claimed = lease.get();
        } catch (RuntimeException e) {
            slots.give(taken);
            throw e;
        }
        slots.give(taken - claimed.size());
        return claimed;
    }

    private void submit(List<OutboxClaim> claimed) {
        for (OutboxClaim claim : claimed) {
            try {
                executor.execute(() -> send(claim));
            } catch (RejectedExecutionException shutDown) {
                // only when the pool is shutting down (slots keep it from filling): give the row back, due at once
                receipts.submit(OutboxReceipt.deferred(claim, "not-sent", "send pool unavailable", clock.instant()));
            }
        }
    }

    private void receiptsWritten(int count) {
        slots.give(count);
        pump();
    }

    /**
     * Lease deadlines are unique per dispatcher (strictly increasing, to the millisecond the table stores), so
     * (owner, lease_until) names exactly one claim even when two claims happen in the same millisecond.
     */
    private synchronized Instant nextLease(Instant now) {
        Instant lease = now.plus(settings.lease()).truncatedTo(ChronoUnit.MILLIS);
        if (!lease.isAfter(lastLease)) {
            lease = lastLease.plusMillis(1);
        }
        lastLease = lease;
        return lease;
    }

    /** Sends a leased row on a send thread and hands its receipt to the writer. */
    private void send(OutboxClaim claim) {
        OutboxReceipt receipt;
        try {
            receipt = attempt(claim);
        } catch (RuntimeException e) {
            // ownership, rate limiter or lease renewal failed before any call: not sent, not an attempt
            log.warn("could not prepare outbox row {} for sending; deferred", claim.id(), e);
            receipt = OutboxReceipt.deferred(claim, "not-sent", "dispatch failed before the provider call: "
                    + e.getClass().getSimpleName(), clock.instant().plus(RETRY_AFTER_FAILURE));
        }
        if (receipt == null) {
            receiptsWritten(1); // lost the lease: someone else decides this row, there is nothing to record
            return;
        }
        receipts.submit(receipt);
    }

    /** Returns the receipt to record, or null when the row was taken over and must not be touched. */
    private OutboxReceipt attempt(OutboxClaim claim) {
        OutboxMessage message = claim.message();
        Optional<ChannelSender> sender = senders.find(message.channel());
        if (sender.isEmpty()) {
            return OutboxReceipt.refused(claim, "no-sender", "no sender registered for channel " + message.channel(),
                    clock.instant());
        }
        Instant now = clock.instant();
        Duration window = sender.get().idempotencyWindow();
        OutboxReceipt stop = policy.beforeCall(claim, window, now);
        if (stop != null) {
            return stop;
        }
        if (!ownership.owns(message.tenantId(), message.channel(), message.account())) {
            return OutboxReceipt.refused(claim, "account-not-owned", "tenant " + message.tenantId()
                    + " has not connected account " + message.account() + " for " + message.channel(), now);
        }
        Map<String, Object> content = Fallbacks.strip(message.message());
        Optional<String> unreachable = sender.get().unreachable(new Reach(message.tenantId(), message.contactId(),
                message.account(), message.recipient(), message.id(), now, content));
        if (unreachable.isPresent()) {
            return OutboxReceipt.refused(claim, UNREACHABLE, unreachable.get(), now);
        }
        Duration wait = limiter.tryAcquire(message.channel(), message.account());
        if (!wait.isZero()) {
            Duration deferral = wait.compareTo(MIN_DEFERRAL) < 0 ? MIN_DEFERRAL : wait;
            return OutboxReceipt.deferred(claim, "rate-limited", "deferred by the send rate limit", now.plus(deferral));
        }
        Optional<Instant> quotaSpent = quotas.take(sender.get(), message.account(), now);
        if (quotaSpent.isPresent()) {
            return OutboxReceipt.deferred(claim, QUOTA_SPENT, "the daily quota of " + message.channel() + " on "
                    + message.account() + " is spent; sent when it renews", quotaSpent.get());
        }
        OutboxClaim held = holdLease(claim, now);
        if (held == null) {
            return null;
        }
        SendReceipt answer;
        try {
            answer = sender.get().send(new Delivery(message.id(), message.tenantId(), message.channel(),
                    message.account(), message.recipient(), content,
                    Math.max(1, message.attempts()), message.contactId()));
        } catch (RuntimeException e) {
            // a sender must map provider errors to receipts; a bug here may have sent, so treat it as unknown
            log.error("sender for {} threw on outbox row {}", message.channel(), message.id(), e);
            answer = new SendReceipt.Unknown("sender failed: " + e.getClass().getSimpleName());
        }
        return policy.afterCall(held, answer, window, clock.instant());
    }

    /**
     * The claim to send under, or null when the row is no longer ours. A lease with less than half its length left
     * (the task waited, or the thread stalled) is renewed first; the renewal fails if the sweep meanwhile declared the
     * row UNKNOWN or re-queued it, or another dispatcher claimed it.
     */
    private OutboxClaim holdLease(OutboxClaim claim, Instant now) {
        if (claim.leaseUntil().isAfter(now.plus(settings.lease().dividedBy(2)))) {
            return claim;
        }
        Instant renewed = nextLease(now);
        if (outbox.renewLease(claim.id(), settings.owner(), claim.leaseUntil(), renewed)) {
            return claim.withLease(renewed);
        }
        log.info("outbox row {} lost its lease before the provider call (expired and taken over); not sent by {}",
                claim.id(), settings.owner());
        return null;
    }
}

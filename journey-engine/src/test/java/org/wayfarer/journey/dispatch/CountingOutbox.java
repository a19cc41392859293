package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link Outbox} that records the size of every claim by id and receipt batch it passes on. */
class CountingOutbox implements Outbox {

    final List<Integer> leaseCalls = new CopyOnWriteArrayList<>();
    /** Ids passed to {@link #leaseInserted} (not counted in {@link #leaseCalls}). */
    final List<Long> leasedInserted = new CopyOnWriteArrayList<>();
    final List<Integer> settleCalls = new CopyOnWriteArrayList<>();
    private final Outbox delegate;

    CountingOutbox(Outbox delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(List<OutboxMessage> messages) {
        delegate.insert(messages);
    }

    @Override
    public void insertLeased(List<OutboxClaim> claims) {
        delegate.insertLeased(claims);
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return delegate.find(id);
    }

    @Override
    public List<OutboxClaim> lease(List<Long> ids, String owner, Instant now, Instant leaseUntil) {
        leaseCalls.add(ids.size());
        return delegate.lease(ids, owner, now, leaseUntil);
    }

    @Override
    public List<OutboxClaim> leaseInserted(List<OutboxMessage> inserted, String owner, Instant now,
                                           Instant leaseUntil) {
        leasedInserted.addAll(inserted.stream().map(OutboxMessage::id).toList());
        return delegate.leaseInserted(inserted, owner, now, leaseUntil);
    }

    @Override
    public List<OutboxClaim> leaseDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return delegate.leaseDue(now, limit, owner, leaseUntil);
    }

    @Override
    public boolean renewLease(long id, String owner, Instant heldUntil, Instant newLeaseUntil) {
        return delegate.renewLease(id, owner, heldUntil, newLeaseUntil);
    }

    @Override
    public int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
        settleCalls.add(receipts.size());
        return delegate.settle(owner, receipts, at);
    }

    @Override
    public int requeueAbandoned(Instant now, String channel, Instant firstAttemptAfter, int maxAttempts) {
        return delegate.requeueAbandoned(now, channel, firstAttemptAfter, maxAttempts);
    }

    @Override
    public int expireAbandoned(Instant now) {
        return delegate.expireAbandoned(now);
    }

    @Override
    public long countAttempted(String channel, String account, Instant since) {
        return delegate.countAttempted(channel, account, since);
    }

    @Override
    public int recordDelivery(String channel, String account, String providerMessageId, String status, Instant at) {
        return delegate.recordDelivery(channel, account, providerMessageId, status, at);
    }

    @Override
    public Optional<String> deliveryStatus(long id) {
        return delegate.deliveryStatus(id);
    }

    @Override
    public boolean postpone(long id, Instant from, Instant to, Instant now) {
        return delegate.postpone(id, from, to, now);
    }

    @Override
    public boolean withdraw(long id, Instant from, String reason, Instant now) {
        return delegate.withdraw(id, from, reason, now);
    }

    @Override
    public List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return delegate.forContact(tenantId, contactId, limit);
    }
}

package org.wayfarer.journey.dispatch;

import java.util.List;

/**
 * The sends of one processing transaction, as {@link SendHandoff#split} divided them.
 *
 * @param pending rows to insert PENDING, claimed after the commit
 * @param leased  rows to insert already leased to this node (SENDING, one attempt counted), sent after the commit
 */
public record QueuedSends(List<OutboxMessage> pending, List<OutboxClaim> leased) {

    public QueuedSends {
        pending = List.copyOf(pending);
        leased = List.copyOf(leased);
    }

    public int size() {
        return pending.size() + leased.size();
    }
}

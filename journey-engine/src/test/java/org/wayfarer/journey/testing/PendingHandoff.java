package org.wayfarer.journey.testing;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;

/** A {@link SendHandoff} that leases nothing in the transaction and gives every committed row to a consumer. */
public final class PendingHandoff implements SendHandoff {

    private final Consumer<List<OutboxMessage>> afterCommit;

    public PendingHandoff(Consumer<List<OutboxMessage>> afterCommit) {
        this.afterCommit = Objects.requireNonNull(afterCommit);
    }

    @Override
    public QueuedSends split(List<OutboxMessage> queued) {
        return new QueuedSends(queued, List.of());
    }

    @Override
    public void committed(QueuedSends sends) {
        if (!sends.pending().isEmpty()) {
            afterCommit.accept(sends.pending());
        }
    }

    @Override
    public void rolledBack(QueuedSends sends) {
    }
}

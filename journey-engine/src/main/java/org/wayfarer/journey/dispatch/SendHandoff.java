package org.wayfarer.journey.dispatch;

import java.util.List;

/**
 * How a processing transaction hands the sends it queued to the dispatcher. Inside the transaction, before the rows
 * are inserted, {@link #split} decides which of them the send pool takes at once: those are inserted already leased
 * ({@link Outbox#insertLeased}), so no claim transaction follows; the rest are inserted PENDING. After the commit
 * {@link #committed} sends the leased rows and claims the pending ones; after a rollback {@link #rolledBack} frees
 * what {@link #split} reserved.
 */
public interface SendHandoff {

    /** Called in the transaction, once, before the rows are inserted; may reserve room in the send pool. */
    QueuedSends split(List<OutboxMessage> queued);

    /** After the transaction that inserted {@code sends} committed. Never throws. */
    void committed(QueuedSends sends);

    /** After that transaction rolled back (or its outcome is unknown): the rows were not inserted by it. */
    void rolledBack(QueuedSends sends);
}

package org.wayfarer.journey.infra.mybatis;

import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wayfarer.journey.Transactions;

/**
 * Runs a claim transaction again when the database chose it as a deadlock victim. Two nodes claiming due rows at once
 * (timers, outbox sweeps) each take a locking read over a range of the due index and then update the rows they got,
 * which moves their entries in that index; MariaDB may then roll one of them back. Nothing was claimed by the victim,
 * so claiming again, in a new transaction, is safe. Inside a caller's transaction (which {@code claim} then joins)
 * the failure has doomed that transaction: rethrown at once.
 */
final class DeadlockRetry {

    static final int ATTEMPTS = 3;

    private DeadlockRetry() {
    }

    /** {@code claim} in a transaction of its own, up to {@link #ATTEMPTS} times. */
    static <T> T claim(Transactions transactions, Supplier<T> claim) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(claim);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
            }
        }
    }
}

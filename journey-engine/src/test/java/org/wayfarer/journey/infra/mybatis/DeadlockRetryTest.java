package org.wayfarer.journey.infra.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wayfarer.journey.Transactions;

class DeadlockRetryTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger transactionsOpened = new AtomicInteger();
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsOpened.incrementAndGet();
            return work.get();
        }
    };

    @AfterEach
    void leaveNoTransactionBehind() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aDeadlockVictimClaimsAgainInANewTransaction() {
        String claimed = DeadlockRetry.claim(transactions, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            return "claimed";
        });

        assertThat(claimed).isEqualTo("claimed");
        assertThat(calls).hasValue(2);
        assertThat(transactionsOpened).hasValue(2);
    }

    @Test
    void givesUpAfterItsAttempts() {
        assertThatThrownBy(() -> DeadlockRetry.claim(transactions, alwaysFailing(
                new PessimisticLockingFailureException("deadlock"))))
                .isInstanceOf(PessimisticLockingFailureException.class);

        assertThat(calls).hasValue(DeadlockRetry.ATTEMPTS);
    }

    @Test
    void insideACallersTransactionTheFailureGoesToTheCaller() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> DeadlockRetry.claim(transactions, alwaysFailing(
                new CannotAcquireLockException("deadlock"))))
                .isInstanceOf(CannotAcquireLockException.class);

        assertThat(calls).hasValue(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> DeadlockRetry.claim(transactions, alwaysFailing(
                new DataIntegrityViolationException("duplicate key"))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(calls).hasValue(1);
    }

    private Supplier<String> alwaysFailing(RuntimeException failure) {
        return () -> {
            calls.incrementAndGet();
            throw failure;
        };
    }
}

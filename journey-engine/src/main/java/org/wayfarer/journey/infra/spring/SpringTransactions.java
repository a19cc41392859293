package org.wayfarer.journey.infra.spring;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfarer.journey.Transactions;

/**
 * {@link Transactions} on a Spring {@link PlatformTransactionManager} with {@code PROPAGATION_REQUIRED}: a nested call
 * joins the outer transaction, and a runtime exception from a joined call marks the whole transaction rollback-only.
 * Thread-safe.
 */
public final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}

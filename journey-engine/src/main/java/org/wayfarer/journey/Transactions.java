package org.wayfarer.journey;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction (port; the infra adapter uses Spring's transaction manager). Nested calls join
 * the outer transaction. A runtime exception rolls everything back and is rethrown.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

package org.wayfarer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.Identity;

/**
 * What every {@link Transactions} adapter must do. Subclasses supply it with a {@link ContactStore} on the same
 * database, whose writes make commits and rollbacks visible.
 */
public abstract class TransactionsContract {

    private final long tenant = nextId();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract Transactions transactions();

    protected abstract ContactStore contacts();

    @Test
    void commitsTheWorkAndReturnsItsResult() {
        long id = nextId();

        long returned = transactions().inTransaction(() -> create(id));

        assertThat(returned).isEqualTo(id);
        assertThat(contacts().find(tenant, id)).isPresent();
    }

    @Test
    void runtimeExceptionRollsBackAndIsRethrown() {
        long id = nextId();
        IllegalStateException failure = new IllegalStateException("step failed");

        assertThatThrownBy(() -> transactions().run(() -> {
            create(id);
            throw failure;
        })).isSameAs(failure);

        assertThat(contacts().find(tenant, id)).isEmpty();
    }

    @Test
    void nestedCallJoinsTheOuterTransaction() {
        long outer = nextId();
        long inner = nextId();

        assertThatThrownBy(() -> transactions().run(() -> {
            create(outer);
            transactions().run(() -> create(inner));
            throw new IllegalStateException("outer failed after the nested call returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(contacts().find(tenant, inner)).isEmpty();
        assertThat(contacts().find(tenant, outer)).isEmpty();
    }

    @Test
    void failedNestedCallRollsBackTheWholeTransactionEvenIfCaught() {
        long outer = nextId();

        assertThatThrownBy(() -> transactions().run(() -> {
            create(outer);
            try {
                transactions().run(() -> {
                    throw new IllegalStateException("nested failure");
                });
            } catch (IllegalStateException expected) {
                // swallowed on purpose: the joined transaction is doomed anyway
            }
        })).isInstanceOf(RuntimeException.class);

        assertThat(contacts().find(tenant, outer)).isEmpty();
    }

    private long create(long id) {
        contacts().create(tenant, id, Identity.unionid("u-" + id), Map.of(), t0);
        return id;
    }
}

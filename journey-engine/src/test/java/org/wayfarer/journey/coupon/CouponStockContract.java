package org.wayfarer.journey.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.Transactions;

/** The coupon stock of a node: exact under concurrent takes, given back by a rollback. Subclasses supply the store. */
public abstract class CouponStockContract {

    private final long tenant = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    protected abstract CouponStock stock();

    protected abstract Transactions transactions();

    private boolean take(long journey, long limit) {
        return transactions().inTransaction(() -> stock().take(tenant, journey, "coupon", "pCARD1", limit));
    }

    @Test
    void takesUpToTheLimitPerNodeAndCard() {
        assertThat(take(1, 2)).isTrue();
        assertThat(take(1, 2)).isTrue();
        assertThat(take(1, 2)).isFalse();
        assertThat(transactions().inTransaction(() -> stock().take(tenant, 1, "coupon", "pCARD2", 2))).isTrue();
        assertThat(transactions().inTransaction(() -> stock().take(tenant, 1, "other", "pCARD1", 2))).isTrue();
        assertThat(take(1, 3)).as("a larger stock in a new version allows more").isTrue();

        assertThat(stock().issued(tenant, 1, "coupon", "pCARD1")).isEqualTo(3);
        assertThat(stock().issued(tenant, 2, "coupon", "pCARD1")).isZero();
        assertThat(take(2, 0)).isFalse();
    }

    @Test
    void aRolledBackTakeAndAGivenBackOneAreNotIssued() {
        assertThatThrownBy(() -> transactions().run(() -> {
            stock().take(tenant, 3, "coupon", "pCARD1", 1);
            throw new IllegalStateException("the batch failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stock().issued(tenant, 3, "coupon", "pCARD1")).isZero();

        assertThat(take(3, 1)).isTrue();
        transactions().run(() -> stock().giveBack(tenant, 3, "coupon", "pCARD1"));
        assertThat(stock().issued(tenant, 3, "coupon", "pCARD1")).isZero();
        assertThat(take(3, 1)).isTrue();
        assertThat(take(3, 1)).isFalse();
    }

    @Test
    void concurrentTakesIssueExactlyTheStock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                takes.add(() -> take(4, 50));
            }
            int taken = 0;
            for (Future<Boolean> result : pool.invokeAll(takes)) {
                taken += result.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(50);
            assertThat(stock().issued(tenant, 4, "coupon", "pCARD1")).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}

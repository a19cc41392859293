package org.wayfarer.journey.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.coupon.CouponStock;

/** {@link CouponStock} in memory, for unit tests (no transactions: a take is never given back by a rollback). */
public final class InMemoryCouponStock implements CouponStock {

    private final Map<List<Object>, Long> issued = new HashMap<>();

    @Override
    public synchronized boolean take(long tenantId, long journeyId, String nodeId, String cardId, long limit) {
        List<Object> key = List.of(tenantId, journeyId, nodeId, cardId);
        long now = issued.getOrDefault(key, 0L);
        if (now >= limit) {
            return false;
        }
        issued.put(key, now + 1);
        return true;
    }

    @Override
    public synchronized void giveBack(long tenantId, long journeyId, String nodeId, String cardId) {
        issued.computeIfPresent(List.of(tenantId, journeyId, nodeId, cardId), (k, n) -> n > 0 ? n - 1 : 0);
    }

    @Override
    public synchronized long issued(long tenantId, long journeyId, String nodeId, String cardId) {
        return issued.getOrDefault(List.of(tenantId, journeyId, nodeId, cardId), 0L);
    }
}

package org.wayfarer.journey.coupon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A coupon stock in memory, outside any transaction (a take is never given back by a rollback): what a simulated run
 * (preview) sees, untouched by anyone else, so only the hypothetical contact's own coupons count; and the stock of
 * in-memory test wiring. Thread-safe.
 */
public final class LocalCouponStock implements CouponStock {

    private final Map<List<Object>, Long> issued = new HashMap<>();

    @Override
    public synchronized boolean take(long tenantId, long journeyId, String nodeId, String cardId, long limit) {
        List<Object> key = List.of(tenantId, journeyId, nodeId, cardId);
        long taken = issued.getOrDefault(key, 0L);
        if (taken >= limit) {
            return false;
        }
        issued.put(key, taken + 1);
        return true;
    }

    @Override
    public synchronized void giveBack(long tenantId, long journeyId, String nodeId, String cardId) {
        issued.computeIfPresent(List.of(tenantId, journeyId, nodeId, cardId), (k, n) -> Math.max(0, n - 1));
    }

    @Override
    public synchronized long issued(long tenantId, long journeyId, String nodeId, String cardId) {
        return issued.getOrDefault(List.of(tenantId, journeyId, nodeId, cardId), 0L);
    }
}

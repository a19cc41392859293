package org.wayfarer.journey.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.coupon.CouponStock;

/**
 * The coupon stock a simulated run (preview) sees: untouched by anyone else, so only the hypothetical contact's own
 * coupons count against each node's stock. In memory, confined to one simulation.
 */
final class SimulatedStock implements CouponStock {

    private final Map<List<Object>, Long> issued = new HashMap<>();

    @Override
    public boolean take(long tenantId, long journeyId, String nodeId, String cardId, long limit) {
        List<Object> key = List.of(tenantId, journeyId, nodeId, cardId);
        long taken = issued.getOrDefault(key, 0L);
        if (taken >= limit) {
            return false;
        }
        issued.put(key, taken + 1);
        return true;
    }

    @Override
    public void giveBack(long tenantId, long journeyId, String nodeId, String cardId) {
        issued.computeIfPresent(List.of(tenantId, journeyId, nodeId, cardId), (k, n) -> Math.max(0, n - 1));
    }

    @Override
    public long issued(long tenantId, long journeyId, String nodeId, String cardId) {
        return issued.getOrDefault(List.of(tenantId, journeyId, nodeId, cardId), 0L);
    }
}

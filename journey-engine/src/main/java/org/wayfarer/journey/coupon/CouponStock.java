package org.wayfarer.journey.coupon;

/**
 * How many coupons of one card a send node has issued, against the node's {@code stock} (port). Counted per tenant,
 * journey, node and card id, across the journey's versions (a new version does not refill the stock). Every method
 * joins the caller's transaction: a coupon taken by a processing transaction that rolls back is given back with it,
 * so the count is exact under any concurrency.
 */
public interface CouponStock {

    /** Takes one coupon if fewer than {@code limit} were issued; false when the stock is spent. */
    boolean take(long tenantId, long journeyId, String nodeId, String cardId, long limit);

    /** Gives back one coupon taken in this transaction whose send was given up (e.g. dropped past its expiry). */
    void giveBack(long tenantId, long journeyId, String nodeId, String cardId);

    /** How many were issued (0 for a node that never issued one). */
    long issued(long tenantId, long journeyId, String nodeId, String cardId);
}

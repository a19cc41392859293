package org.wayfarer.journey.infra.mybatis;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfarer.journey.coupon.CouponStock;

/**
 * {@link CouponStock} on the {@code coupon_stock} table: a take is one conditional increment ({@code issued < stock})
 * of the node's row, whose row lock holds concurrent takes in line until their transactions end.
 *
 * <p>The node's row is created (issued 0) in a transaction of its own the first time this process meets the node,
 * before the caller's transaction touches it: an increment of a missing row would take a gap lock under MySQL's
 * REPEATABLE READ, and concurrent first takes would then deadlock on their inserts. A row created for a take that
 * then rolls back stays at 0, which is what it holds. Thread-safe; takes and give-backs join the caller's transaction.
 * Public only for the Spring wiring: depend on the port.
 */
public final class JdbcCouponStock implements CouponStock {

    private static final String KEY = " WHERE tenant_id = ? AND journey_id = ? AND node_id = ? AND card_id = ?";
    private static final String TAKE = "UPDATE coupon_stock SET issued = issued + 1" + KEY + " AND issued < ?";
    private static final String CREATE = "INSERT IGNORE INTO coupon_stock (tenant_id, journey_id, node_id, card_id,"
            + " issued) VALUES (?, ?, ?, ?, 0)";
    private static final String GIVE_BACK = "UPDATE coupon_stock SET issued = issued - 1" + KEY + " AND issued > 0";
    private static final String ISSUED = "SELECT issued FROM coupon_stock" + KEY;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<List<Object>> created = ConcurrentHashMap.newKeySet();

    public JdbcCouponStock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean take(long tenantId, long journeyId, String nodeId, String cardId, long limit) {
        if (limit <= 0) {
            return false;
        }
        List<Object> key = List.of(tenantId, journeyId, nodeId, cardId);
        if (!created.contains(key)) {
            ownTransaction.executeWithoutResult(status -> jdbc.update(CREATE, tenantId, journeyId, nodeId, cardId));
            created.add(key);
        }
        return jdbc.update(TAKE, tenantId, journeyId, nodeId, cardId, limit) == 1;
    }

    @Override
    public void giveBack(long tenantId, long journeyId, String nodeId, String cardId) {
        jdbc.update(GIVE_BACK, tenantId, journeyId, nodeId, cardId);
    }

    @Override
    public long issued(long tenantId, long journeyId, String nodeId, String cardId) {
        List<Long> issued = jdbc.queryForList(ISSUED, Long.class, tenantId, journeyId, nodeId, cardId);
        return issued.isEmpty() ? 0 : issued.get(0);
    }
}

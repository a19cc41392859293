package org.wayfarer.journey.infra.mybatis;

import java.io.Closeable;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * The ports as the Spring wiring exposes them, for the per-database holders whose {@code @Nested} classes run each
 * port's contract. (Nested classes are declared in every holder, not here: Spring finds a nested class's
 * configuration on its declaring class, so they must be declared where the database is chosen.)
 */
abstract class MybatisStoresTestBase {

    @Autowired
    JourneyStore journeyStore;
    @Autowired
    ContactStore contactStore;
    @Autowired
    EventLog eventLog;
    @Autowired
    InstanceStore instanceStore;
    @Autowired
    StepLog stepLog;
    @Autowired
    Outbox outbox;
    @Autowired
    JourneyCounters journeyCounters;
    @Autowired
    Transactions transactions;
    @Autowired
    SegmentStore segmentStore;
    @Autowired
    SegmentEvaluation segmentEvaluation;
    @Autowired
    JdbcJourneyAnalytics journeyAnalytics;
    @Autowired
    EntryDecisions entryDecisions;
    @Autowired
    CouponStock couponStock;

    /**
     * Closes the pool, and with its last connection the database, before the test's database goes away (a dropped
     * schema, a deleted directory). The cached context is never used again: its database URL is unique to one holder.
     */
    static void closePool(DataSource dataSource) throws IOException {
        if (dataSource instanceof Closeable pool) {
            pool.close();
        }
    }
}

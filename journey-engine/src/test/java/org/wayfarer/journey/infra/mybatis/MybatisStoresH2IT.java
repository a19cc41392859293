package org.wayfarer.journey.infra.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import java.util.UUID;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.TransactionsContract;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.JourneyStoreContract;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.contact.ContactStoreContract;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.coupon.CouponStockContract;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxContract;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventLogContract;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.InstanceStoreContract;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepLogContract;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentEvaluationContract;
import org.wayfarer.journey.segment.SegmentFilters;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.segment.SegmentStoreContract;
import org.wayfarer.journey.stats.JourneyAnalyticsContract;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyCountersContract;
import org.wayfarer.journey.stats.JourneyFunnel;
import org.wayfarer.journey.stats.NodeOccupancy;

/** Every store contract against H2 in memory, in the MySQL mode the embedded product runs. */
@SpringBootTest(classes = StoresTestApplication.class)
class MybatisStoresH2IT extends MybatisStoresTestBase {

    @DynamicPropertySource
    static void h2InMemory(DynamicPropertyRegistry registry) {
        String name = "wf_it_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void exposesEachStoreOnceByItsPortType(@Autowired ApplicationContext context) {
        Map<Class<?>, String> beans = Map.of(JourneyStore.class, "journeyStore", ContactStore.class, "contactStore",
                EventLog.class, "eventLog", InstanceStore.class, "instanceStore", StepLog.class, "stepLog",
                Outbox.class, "outbox", JourneyCounters.class, "journeyCounters", Transactions.class, "transactions",
                IdGenerator.class, "idGenerator");

        beans.forEach((port, name) -> assertThat(context.getBeanNamesForType(port)).containsExactly(name));
    }

    /**
     * A timer claim reads the rows it takes, not the timers already claimed ahead of them: with 2,000 claimed and
     * held (still WAITING) and 2,000 more due at the same instant, H2's own row count for the claim's query stays at
     * the limit. Before the due index named lease_until and id, it read all 4,000 and sorted them.
     */
    @Test
    void timerClaimsReadOnlyTheRowsTheyTake(@Autowired DataSource dataSource) throws Exception {
        long tenant = 7_001;
        Instant due = Instant.parse("2100-01-01T08:00:00Z"); // after every contract test's clock: they share the database
        List<JourneyInstance> waiting = new ArrayList<>();
        for (long id = 9_000_001; id <= 9_004_000; id++) {
            waiting.add(new JourneyInstance(id, tenant, 77, 1, id, "EVENT:" + id, id, InstanceStatus.WAITING, "wait",
                    1, due, due.minusSeconds(60), due.minusSeconds(60), null, null, 0));
        }
        transactions.run(() -> instanceStore.insertAll(waiting));
        Instant now = due.plusSeconds(1);
        assertThat(instanceStore.claimDue(now, 2_000, "node-a", now.plusSeconds(60))).hasSize(2_000);

        assertThat(scanCount(dataSource, "EXPLAIN ANALYZE " + TimerClaims.FREE, now.toEpochMilli(), 500))
                .isLessThanOrEqualTo(501);
        List<DueWakeup> next = instanceStore.claimDue(now, 500, "node-a", now.plusSeconds(61));
        assertThat(next).hasSize(500).allSatisfy(w -> assertThat(w.instanceId()).isGreaterThan(9_002_000));
    }

    /** The outbox sweep, likewise: a backlog of due rows is not read whole by every sweep. */
    @Test
    void outboxSweepsReadOnlyTheRowsTheyTake(@Autowired DataSource dataSource) throws Exception {
        Instant due = Instant.parse("2100-02-01T08:00:00Z"); // after every contract test's clock
        List<OutboxMessage> backlog = new ArrayList<>();
        for (long id = 9_100_001; id <= 9_103_000; id++) {
            backlog.add(new OutboxMessage(id, 7_002, id, 78, "welcome", 1, id, "wechat.template", "wx-app", "o" + id,
                    Map.of(), OutboxStatus.PENDING, 0, due, null, null, null, due, due));
        }
        outbox.insert(backlog);
        Instant now = due.plusSeconds(1);
        assertThat(outbox.leaseDue(now, 1_000, "node-a", now.plusSeconds(60))).hasSize(1_000);

        assertThat(scanCount(dataSource, "EXPLAIN ANALYZE " + MybatisOutbox.DUE, now.toEpochMilli(), 500))
                .isLessThanOrEqualTo(501);
        assertThat(outbox.leaseDue(now, 500, "node-a", now.plusSeconds(61))).hasSize(500)
                .allSatisfy(c -> assertThat(c.id()).isGreaterThan(9_101_000));
    }

    /**
     * A partition worker's read of its pending events reads those it returns: not the partition's processed events,
     * nor other partitions' pending ones.
     */
    @Test
    void pendingEventsAreReadInIndexOrderUpToTheLimit(@Autowired DataSource dataSource) throws Exception {
        Instant at = Instant.parse("2100-03-01T08:00:00Z");
        int partition = 9_901;
        List<EventLog.NewEvent> rows = new ArrayList<>();
        for (long id = 9_200_001; id <= 9_203_000; id++) {
            ContactEvent event = new ContactEvent(7_003, "wx-scan", "k" + id, "wechat.followed",
                    Identity.wechatOpenid("wx-scan", "o" + id), null, at, Map.of("scene", "s"), Map.of());
            rows.add(new EventLog.NewEvent(id, event, id, id % 3 == 0 ? partition + 1 : partition));
        }
        eventLog.appendAll(rows, at);
        eventLog.markProcessed(rows.stream().filter(r -> r.partition() == partition).limit(1_000)
                .map(EventLog.NewEvent::id).toList(), at);

        assertThat(scanCount(dataSource, "EXPLAIN ANALYZE " + MybatisEventLog.pendingQuery(0), partition,
                at.toEpochMilli(), 100)).isLessThanOrEqualTo(101);
        assertThat(eventLog.pending(partition, at, 100, List.of())).hasSize(100)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EventStatus.PENDING))
                .allSatisfy(e -> assertThat(e.partition()).isEqualTo(partition))
                .isSortedAccordingTo(Comparator.comparingLong(StoredEvent::id));
    }

    /**
     * A segment's keyset scan and a page of its stored members read the rows they return, not every row of the
     * tenant (or segment) after the cursor: H2 sorts otherwise (docs/adr/0010).
     */
    @Test
    void segmentScansReadOnlyTheRowsTheyTake(@Autowired DataSource dataSource) throws Exception {
        long tenant = 7_004;
        Instant at = Instant.parse("2100-04-01T08:00:00Z");
        List<Contact> contacts = new ArrayList<>();
        List<ContactStore.NewIdentity> identities = new ArrayList<>();
        List<ContactStore.Retag> tags = new ArrayList<>();
        for (long id = 9_300_001; id <= 9_303_000; id++) {
            contacts.add(new Contact(id, tenant, Map.of("n", id % 7), at, at, 0));
            identities.add(new ContactStore.NewIdentity(tenant, id, Identity.wechatOpenid("wx-scan", "o" + id)));
            tags.add(new ContactStore.Retag(tenant, id, Set.of("all"), Set.of()));
        }
        contactStore.insertAll(contacts, identities, at);
        contactStore.retagAll(tags, at);
        segmentStore.addMembers(tenant, 9_399_999, contacts.stream().map(Contact::id).toList(), at);

        for (String filter : List.of("{\"all\": [{\"attribute\": \"n\", \"op\": \"gte\", \"value\": 0}]}",
                "{\"all\": [{\"tag\": \"all\"}, {\"attribute\": \"n\", \"op\": \"gte\", \"value\": 0}]}",
                "{\"all\": [{\"notTag\": \"none\"}]}")) {
            SegmentSql.Fragment scan = SegmentSql.plan(SegmentFilters.parse(filter), at, false)
                    .scan(tenant, 9_301_000, 500);
            assertThat(scanCount(dataSource, "EXPLAIN ANALYZE " + scan.sql(), scan.params())).as(filter)
                    .isLessThanOrEqualTo(501);
        }
        assertThat(scanCount(dataSource, "EXPLAIN ANALYZE " + MybatisSegmentStore.MEMBERS + 500, 9_399_999,
                9_301_000, tenant)).isLessThanOrEqualTo(501);
    }

    private static int scanCount(DataSource dataSource, String explain, Object... params) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(explain)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet plan = statement.executeQuery()) {
                assertThat(plan.next()).isTrue();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                assertThat(scanned.find()).as(plan.getString(1)).isTrue();
                return Integer.parseInt(scanned.group(1));
            }
        }
    }

    @Test
    void scopesMybatisLocalCacheToOneStatement(@Autowired SqlSessionFactory sessions) {
        assertThat(sessions.getConfiguration().getLocalCacheScope()).isEqualTo(LocalCacheScope.STATEMENT);
    }

    @Nested
    class JourneyStoreOnH2 extends JourneyStoreContract {
        @Override
        protected JourneyStore store() {
            return journeyStore;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class ContactStoreOnH2 extends ContactStoreContract {
        @Override
        protected ContactStore store() {
            return contactStore;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class EventLogOnH2 extends EventLogContract {
        @Override
        protected EventLog log() {
            return eventLog;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class InstanceStoreOnH2 extends InstanceStoreContract {
        @Override
        protected InstanceStore store() {
            return instanceStore;
        }
    }

    @Nested
    class StepLogOnH2 extends StepLogContract {
        @Override
        protected StepLog log() {
            return stepLog;
        }
    }

    @Nested
    class OutboxOnH2 extends OutboxContract {
        @Override
        protected Outbox outbox() {
            return outbox;
        }
    }

    @Nested
    class JourneyCountersOnH2 extends JourneyCountersContract {
        @Override
        protected JourneyCounters counters() {
            return journeyCounters;
        }
    }

    @Nested
    class JourneyAnalyticsOnH2 extends JourneyAnalyticsContract {
        @Override
        protected InstanceStore instances() {
            return instanceStore;
        }

        @Override
        protected StepLog steps() {
            return stepLog;
        }

        @Override
        protected NodeOccupancy occupancy() {
            return journeyAnalytics;
        }

        @Override
        protected JourneyFunnel funnel() {
            return journeyAnalytics;
        }

        @Override
        protected ContactInstances contactInstances() {
            return journeyAnalytics;
        }

        @Override
        protected EntryDecisions decisions() {
            return entryDecisions;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class TransactionsOnH2 extends TransactionsContract {
        @Override
        protected Transactions transactions() {
            return transactions;
        }

        @Override
        protected ContactStore contacts() {
            return contactStore;
        }
    }

    @Nested
    class SegmentStoreOnH2 extends SegmentStoreContract {
        @Override
        protected SegmentStore store() {
            return segmentStore;
        }
    }

    @Nested
    class SegmentEvaluationOnH2 extends SegmentEvaluationContract {
        @Override
        protected ContactStore contacts() {
            return contactStore;
        }

        @Override
        protected EventLog events() {
            return eventLog;
        }

        @Override
        protected SegmentEvaluation evaluation() {
            return segmentEvaluation;
        }
    }

    @Nested
    class CouponStockOnH2 extends CouponStockContract {
        @Override
        protected CouponStock stock() {
            return couponStock;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }
}

package org.wayfarer.journey.infra.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventLogContract;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.InstanceStoreContract;
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

/**
 * Every store contract against MariaDB (the cluster database) on 127.0.0.1:3306, in a schema of its own that is
 * dropped afterwards: other test runs share the server.
 */
@SpringBootTest(classes = StoresTestApplication.class)
class MybatisStoresMariaDbIT extends MybatisStoresTestBase {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
    }

    /**
     * A segment's keyset batch from the middle of a tenant is a range read on both columns of the tenant index (or
     * of the tag index), not "ref" access on the tenant that reads the index from the tenant's first entry
     * (docs/adr/0010): the plan's key length covers the id too.
     */
    @Test
    void segmentScansAreRangesOnTheTenantAndTheId(@Autowired JdbcTemplate jdbc) {
        long tenant = 7_104;
        Instant at = Instant.parse("2100-04-01T08:00:00Z");
        List<Contact> contacts = new ArrayList<>();
        List<ContactStore.NewIdentity> identities = new ArrayList<>();
        List<ContactStore.Retag> tags = new ArrayList<>();
        for (long id = 9_400_001; id <= 9_406_000; id++) {
            contacts.add(new Contact(id, tenant, Map.of("n", id % 7), at, at, 0));
            identities.add(new ContactStore.NewIdentity(tenant, id, Identity.wechatOpenid("wx-scan", "o" + id)));
            tags.add(new ContactStore.Retag(tenant, id, Set.of("all"), Set.of()));
        }
        contactStore.insertAll(contacts, identities, at);
        contactStore.retagAll(tags, at);
        jdbc.execute("ANALYZE TABLE contact, contact_tag");

        Map<String, String> indexes = Map.of(
                "{\"all\": [{\"attribute\": \"n\", \"op\": \"gte\", \"value\": 0}]}", "ix_contact_tenant",
                "{\"all\": [{\"tag\": \"all\"}, {\"attribute\": \"n\", \"op\": \"gte\", \"value\": 0}]}",
                "ix_contact_tag_tag");
        indexes.forEach((filter, index) -> {
            SegmentSql.Fragment scan = SegmentSql.plan(SegmentFilters.parse(filter), at, true)
                    .scan(tenant, 9_403_000, 500);
            Map<String, Object> first = jdbc.queryForList("EXPLAIN " + scan.sql(), scan.params()).get(0);
            assertThat(first).as(filter).containsEntry("type", "range").containsEntry("key", index);
            assertThat(Integer.parseInt(String.valueOf(first.get("key_len")))).as(filter)
                    .isGreaterThan(index.equals("ix_contact_tenant") ? 8 : 266);
        });
    }

    @Nested
    class JourneyStoreOnMariaDb extends JourneyStoreContract {
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
    class ContactStoreOnMariaDb extends ContactStoreContract {
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
    class EventLogOnMariaDb extends EventLogContract {
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
    class InstanceStoreOnMariaDb extends InstanceStoreContract {
        @Override
        protected InstanceStore store() {
            return instanceStore;
        }
    }

    @Nested
    class StepLogOnMariaDb extends StepLogContract {
        @Override
        protected StepLog log() {
            return stepLog;
        }
    }

    @Nested
    class OutboxOnMariaDb extends OutboxContract {
        @Override
        protected Outbox outbox() {
            return outbox;
        }
    }

    @Nested
    class JourneyCountersOnMariaDb extends JourneyCountersContract {
        @Override
        protected JourneyCounters counters() {
            return journeyCounters;
        }
    }

    @Nested
    class JourneyAnalyticsOnMariaDb extends JourneyAnalyticsContract {
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
    class TransactionsOnMariaDb extends TransactionsContract {
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
    class SegmentStoreOnMariaDb extends SegmentStoreContract {
        @Override
        protected SegmentStore store() {
            return segmentStore;
        }
    }

    @Nested
    class SegmentEvaluationOnMariaDb extends SegmentEvaluationContract {
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
    class CouponStockOnMariaDb extends CouponStockContract {
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

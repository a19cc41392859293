package org.wayfarer.journey.infra.mybatis;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.TransactionsContract;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.JourneyStoreContract;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.contact.ContactStoreContract;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxContract;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventLogContract;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.InstanceStoreContract;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepLogContract;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentEvaluationContract;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.segment.SegmentStoreContract;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyCountersContract;

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

    @Nested
    class JourneyStoreOnMariaDb extends JourneyStoreContract {
        @Override
        protected JourneyStore store() {
            return journeyStore;
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
}

package org.wayfarer.journey.infra.mybatis;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.InstanceStoreContract;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepLogContract;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentEvaluationContract;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.segment.SegmentStoreContract;
import org.wayfarer.journey.stats.JourneyAnalyticsContract;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyCountersContract;
import org.wayfarer.journey.stats.JourneyFunnel;
import org.wayfarer.journey.stats.NodeOccupancy;

/**
 * Every store contract against an H2 file database with the embedded product's URL settings (file mode behaves
 * differently from memory mode in locking and durability, so the product's actual mode is tested too).
 */
@SpringBootTest(classes = StoresTestApplication.class)
class MybatisStoresH2FileIT extends MybatisStoresTestBase {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("wayfarer")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;RETENTION_TIME=1000;COMPRESS=TRUE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** H2 must close its files before JUnit deletes the directory, not at JVM exit. */
    @AfterAll
    static void closeDatabase(@Autowired DataSource dataSource) throws IOException {
        closePool(dataSource);
    }

    @Nested
    class JourneyStoreOnH2File extends JourneyStoreContract {
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
    class ContactStoreOnH2File extends ContactStoreContract {
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
    class EventLogOnH2File extends EventLogContract {
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
    class InstanceStoreOnH2File extends InstanceStoreContract {
        @Override
        protected InstanceStore store() {
            return instanceStore;
        }
    }

    @Nested
    class StepLogOnH2File extends StepLogContract {
        @Override
        protected StepLog log() {
            return stepLog;
        }
    }

    @Nested
    class OutboxOnH2File extends OutboxContract {
        @Override
        protected Outbox outbox() {
            return outbox;
        }
    }

    @Nested
    class JourneyCountersOnH2File extends JourneyCountersContract {
        @Override
        protected JourneyCounters counters() {
            return journeyCounters;
        }
    }

    @Nested
    class JourneyAnalyticsOnH2File extends JourneyAnalyticsContract {
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
    class TransactionsOnH2File extends TransactionsContract {
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
    class SegmentStoreOnH2File extends SegmentStoreContract {
        @Override
        protected SegmentStore store() {
            return segmentStore;
        }
    }

    @Nested
    class SegmentEvaluationOnH2File extends SegmentEvaluationContract {
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

package org.wayfarer.journey.testing;

import org.junit.jupiter.api.Nested;
import org.wayfarer.journey.Transactions;
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
 * The in-memory ports against the store contracts the real adapters pass, so unit tests built on them test against
 * the same behaviour. (The transactions contract is left out: {@link DirectTransactions} rolls nothing back.)
 */
class InMemoryStoresTest {

    @Nested
    class JourneyStoreInMemory extends JourneyStoreContract {
        private final InMemoryJourneyStore store = new InMemoryJourneyStore();

        @Override
        protected JourneyStore store() {
            return store;
        }

        /** Not a test here: the in-memory store has no transactions, so no lock to wait for. */
        @Override
        protected void lockStatusWaitsForAnUncommittedChangeAndReadsWhatItCommitted() {
        }
    }

    @Nested
    class ContactStoreInMemory extends ContactStoreContract {
        private final InMemoryContactStore store = new InMemoryContactStore();
        private final DirectTransactions transactions = new DirectTransactions();

        @Override
        protected ContactStore store() {
            return store;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class EventLogInMemory extends EventLogContract {
        private final InMemoryEventLog log = new InMemoryEventLog();
        private final DirectTransactions transactions = new DirectTransactions();

        @Override
        protected EventLog log() {
            return log;
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class InstanceStoreInMemory extends InstanceStoreContract {
        private final InMemoryInstanceStore store = new InMemoryInstanceStore();

        @Override
        protected InstanceStore store() {
            return store;
        }
    }

    @Nested
    class StepLogInMemory extends StepLogContract {
        private final InMemoryStepLog log = new InMemoryStepLog();

        @Override
        protected StepLog log() {
            return log;
        }
    }

    @Nested
    class OutboxInMemory extends OutboxContract {
        private final InMemoryOutbox outbox = new InMemoryOutbox();

        @Override
        protected Outbox outbox() {
            return outbox;
        }
    }

    @Nested
    class JourneyCountersInMemory extends JourneyCountersContract {
        private final InMemoryJourneyCounters counters = new InMemoryJourneyCounters();

        @Override
        protected JourneyCounters counters() {
            return counters;
        }
    }

    @Nested
    class SegmentStoreInMemory extends SegmentStoreContract {
        private final InMemorySegmentStore store = new InMemorySegmentStore();

        @Override
        protected SegmentStore store() {
            return store;
        }
    }

    @Nested
    class SegmentEvaluationInMemory extends SegmentEvaluationContract {
        private final InMemoryContactStore contacts = new InMemoryContactStore();
        private final InMemoryEventLog events = new InMemoryEventLog();
        private final InMemorySegmentEvaluation evaluation = new InMemorySegmentEvaluation(contacts, events);

        @Override
        protected ContactStore contacts() {
            return contacts;
        }

        @Override
        protected EventLog events() {
            return events;
        }

        @Override
        protected SegmentEvaluation evaluation() {
            return evaluation;
        }
    }
}

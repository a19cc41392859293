package org.wayfarer.admin.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.inbox.FailedEvents;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.stats.JourneyCounters;

/** Registers the {@link InMemoryEngine}'s ports as the beans the admin API's configurations expect. */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryEngineConfiguration {

    @Bean
    InMemoryEngine inMemoryEngine() {
        return new InMemoryEngine();
    }

    @Bean
    JourneyStore journeyStore(InMemoryEngine engine) {
        return engine.journeys;
    }

    @Bean
    ContactStore contactStore(InMemoryEngine engine) {
        return engine.contacts;
    }

    @Bean
    EventLog eventLog(InMemoryEngine engine) {
        return engine.events;
    }

    @Bean
    StepLog stepLog(InMemoryEngine engine) {
        return engine.steps;
    }

    @Bean
    Outbox outbox(InMemoryEngine engine) {
        return engine.outbox;
    }

    @Bean
    JourneyCounters journeyCounters(InMemoryEngine engine) {
        return engine.counters;
    }

    @Bean
    InstanceStore instanceStore(InMemoryEngine engine) {
        return engine.instances;
    }

    @Bean
    SegmentStore segmentStore(InMemoryEngine engine) {
        return engine.segments;
    }

    @Bean
    SegmentEvaluation segmentEvaluation(InMemoryEngine engine) {
        return engine.segmentEvaluation;
    }

    @Bean
    Transactions transactions(InMemoryEngine engine) {
        return engine.transactions;
    }

    @Bean
    IdGenerator idGenerator(InMemoryEngine engine) {
        return engine.ids;
    }

    @Bean
    Clock clock(InMemoryEngine engine) {
        return engine.clock;
    }

    @Bean
    FailedEvents failedEvents(InMemoryEngine engine) {
        return new FailedEvents(engine.events, engine.bus, engine.clock);
    }
}

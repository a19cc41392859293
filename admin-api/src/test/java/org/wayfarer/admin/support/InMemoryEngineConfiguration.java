package org.wayfarer.admin.support;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.calendar.HolidayCalendarFiles;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.LiveInstances;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.inbox.FailedEvents;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceRunner;
import org.wayfarer.journey.runtime.LifecycleSweeps;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyFunnel;
import org.wayfarer.journey.testing.InMemoryInstanceStore;
import org.wayfarer.journey.testing.RecordingSender;

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

    /** Also the analytics' {@code NodeOccupancy} and {@code ContactInstances}, as one bean. */
    @Bean
    InMemoryInstanceStore instanceStore(InMemoryEngine engine) {
        return engine.instances;
    }

    @Bean
    JourneyFunnel journeyFunnel(InMemoryEngine engine) {
        return engine.funnel;
    }

    @Bean
    EntryDecisions entryDecisions(InMemoryEngine engine) {
        return engine.decisions;
    }

    @Bean
    TenantSettings tenantSettings(InMemoryEngine engine) {
        return engine.settings;
    }

    @Bean
    HolidayCalendars holidayCalendars() {
        return new HolidayCalendars();
    }

    @Bean
    HolidayCalendarFiles holidayCalendarFiles(InMemoryEngine engine) {
        return new HolidayCalendarFiles() {
            @Override
            public Map<Long, Map<Integer, byte[]>> all() {
                Map<Long, Map<Integer, byte[]>> all = new HashMap<>();
                engine.calendarFiles.forEach((key, file) -> all.computeIfAbsent(Long.parseLong(key.split("/")[0]),
                        id -> new HashMap<>()).put(Integer.parseInt(key.split("/")[1]), file));
                return all;
            }

            @Override
            public void put(long tenantId, int year, byte[] json, Instant now) {
                engine.calendarFiles.put(tenantId + "/" + year, json);
            }
        };
    }

    /** The channels settings may cap: the scenarios' template channel. */
    @Bean
    ChannelSenders channelSenders() {
        return new ChannelSenders(List.of(new RecordingSender()));
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

    /**
     * The engine's lifecycle sweeps on the in-memory ports, two instances a page so the API tests walk several pages.
     * Ends need no channel, so the runner knows none.
     */
    @Bean
    LiveInstances liveInstances(InMemoryEngine engine) {
        return new LifecycleSweeps(engine.instances, new InstanceRunner(engine.ids, new ChannelSenders(List.of()),
                new HolidayCalendars()), engine.steps, engine.counters, engine.transactions, engine.clock,
                InMemoryEngine.SWEEP_PAGE_SIZE);
    }

    @Bean
    FailedEvents failedEvents(InMemoryEngine engine) {
        return new FailedEvents(engine.events, engine.bus, engine.clock);
    }
}

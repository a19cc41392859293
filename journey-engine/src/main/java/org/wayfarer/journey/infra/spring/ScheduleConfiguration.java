package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.infra.mybatis.JdbcDateCandidates;
import org.wayfarer.journey.infra.mybatis.JdbcScheduleStore;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.schedule.DateCandidates;
import org.wayfarer.journey.schedule.ScheduleStore;
import org.wayfarer.journey.schedule.ScheduledFires;
import org.wayfarer.journey.segment.SegmentMembers;
import org.wayfarer.journey.stats.JourneyCounters;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Timed triggers in the running engine: their stores, the fires, and the poller that runs them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduleConfiguration {

    @Bean
    ScheduleStore scheduleStore(DataSource dataSource) {
        return new JdbcScheduleStore(new JdbcTemplate(dataSource));
    }

    @Bean
    DateCandidates dateCandidates(DataSource dataSource, ObjectProvider<ObjectMapper> objectMappers) {
        return new JdbcDateCandidates(new JdbcTemplate(dataSource), objectMappers.getIfUnique(JsonMapper::shared));
    }

    @Bean
    ScheduledFires scheduledFires(ScheduleStore store, DateCandidates dates, SegmentMembers segments,
                                  PublishedJourneys published, JourneyStore journeys, EventLog events,
                                  JourneyCounters counters, Transactions transactions, IdGenerator ids, Clock clock,
                                  ScheduleProperties properties, EngineProperties engine) {
        return new ScheduledFires(store, dates, segments, published, journeys, events, counters, transactions, ids,
                clock, new ScheduledFires.Settings(JourneyEngineAutoConfiguration.nodeName(engine),
                        properties.pageSize(), properties.lease(), properties.dateWindow(), properties.dateLead(),
                        properties.dateCatchUp(), properties.firstStepsPerSecond()));
    }

    @Bean
    PeriodicLifecycle scheduleLifecycle(ScheduledFires fires, ScheduleProperties properties) {
        return new PeriodicLifecycle("schedule poll", fires::pollOnce, properties.pollInterval(),
                "the fire goes on from its last committed page");
    }
}

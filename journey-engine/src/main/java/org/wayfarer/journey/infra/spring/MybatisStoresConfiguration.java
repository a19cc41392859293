package org.wayfarer.journey.infra.spring;

import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import javax.sql.DataSource;
import org.apache.ibatis.session.LocalCacheScope;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.calendar.HolidayCalendarFiles;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.infra.mybatis.ContactEventMapper;
import org.wayfarer.journey.infra.mybatis.ContactIdentityMapper;
import org.wayfarer.journey.infra.mybatis.ContactMapper;
import org.wayfarer.journey.infra.mybatis.JdbcHolidayCalendarFiles;
import org.wayfarer.journey.infra.mybatis.JdbcCouponStock;
import org.wayfarer.journey.infra.mybatis.JdbcEntryDecisions;
import org.wayfarer.journey.infra.mybatis.JdbcJourneyAnalytics;
import org.wayfarer.journey.infra.mybatis.JdbcSegmentEvaluation;
import org.wayfarer.journey.infra.mybatis.JdbcTenantSettings;
import org.wayfarer.journey.infra.mybatis.JourneyCounterMapper;
import org.wayfarer.journey.infra.mybatis.JourneyInstanceMapper;
import org.wayfarer.journey.infra.mybatis.JourneyMapper;
import org.wayfarer.journey.infra.mybatis.JourneyStepMapper;
import org.wayfarer.journey.infra.mybatis.JourneyVersionMapper;
import org.wayfarer.journey.infra.mybatis.MybatisContactStore;
import org.wayfarer.journey.infra.mybatis.MybatisEventLog;
import org.wayfarer.journey.infra.mybatis.MybatisInstanceStore;
import org.wayfarer.journey.infra.mybatis.MybatisJourneyCounters;
import org.wayfarer.journey.infra.mybatis.MybatisJourneyStore;
import org.wayfarer.journey.infra.mybatis.MybatisOutbox;
import org.wayfarer.journey.infra.mybatis.MybatisSegmentStore;
import org.wayfarer.journey.infra.mybatis.MybatisStepLog;
import org.wayfarer.journey.infra.mybatis.OutboxMapper;
import org.wayfarer.journey.infra.mybatis.SegmentMapper;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.stats.JourneyCounters;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's stores on MyBatis-Plus, for both modes (H2 in MySQL mode embedded, MySQL/MariaDB in a cluster): every
 * store bean is typed by its port, plus {@link Transactions} and {@link IdGenerator}. Needs a {@code DataSource} with
 * the Flyway schema, a {@link PlatformTransactionManager} and MyBatis-Plus's auto-configured {@code SqlSessionFactory};
 * uses the context's Jackson {@link ObjectMapper} for JSON columns when there is exactly one, else its own.
 *
 * <p>Properties: {@code wayfarer.ids.worker-id} and {@code wayfarer.ids.datacenter-id} (0..31, both or neither) pin
 * the snowflake's node bits; unset, they are derived from the host's address and process id.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = JourneyMapper.class)
public class MybatisStoresConfiguration {

    @Bean
    public Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    public IdGenerator idGenerator(Environment environment) {
        Long worker = environment.getProperty("wayfarer.ids.worker-id", Long.class);
        Long datacenter = environment.getProperty("wayfarer.ids.datacenter-id", Long.class);
        if (worker == null && datacenter == null) {
            return new SnowflakeIdGenerator();
        }
        if (worker == null || datacenter == null) {
            throw new IllegalStateException(
                    "set both wayfarer.ids.worker-id and wayfarer.ids.datacenter-id, or neither");
        }
        return new SnowflakeIdGenerator(worker, datacenter);
    }

    /**
     * MyBatis caches query results for the whole transaction by default; the engine's pollers repeat the same query
     * inside one transaction and must see rows other transactions committed meanwhile, so results live per statement.
     */
    @Bean
    public ConfigurationCustomizer wayfarerStatementScopedLocalCache() {
        return configuration -> configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
    }

    @Bean
    public JourneyStore journeyStore(JourneyMapper journeys, JourneyVersionMapper versions,
                                     Transactions transactions) {
        return new MybatisJourneyStore(journeys, versions, transactions);
    }

    @Bean
    public ContactStore contactStore(ContactMapper contacts, ContactIdentityMapper identities, DataSource dataSource,
                                     IdGenerator ids, ObjectProvider<ObjectMapper> objectMappers) {
        return new MybatisContactStore(contacts, identities, new JdbcTemplate(dataSource), ids, json(objectMappers));
    }

    @Bean
    public EventLog eventLog(ContactEventMapper events, DataSource dataSource,
                             ObjectProvider<ObjectMapper> objectMappers) {
        return new MybatisEventLog(events, new JdbcTemplate(dataSource), json(objectMappers));
    }

    @Bean
    public InstanceStore instanceStore(JourneyInstanceMapper instances, DataSource dataSource,
                                       Transactions transactions, ObjectProvider<ObjectMapper> objectMappers) {
        return new MybatisInstanceStore(instances, new JdbcTemplate(dataSource), transactions, json(objectMappers));
    }

    @Bean
    public TenantSettings tenantSettings(DataSource dataSource, ObjectProvider<ObjectMapper> objectMappers) {
        return new JdbcTenantSettings(new JdbcTemplate(dataSource), json(objectMappers));
    }

    @Bean
    public HolidayCalendarFiles holidayCalendarFiles(DataSource dataSource) {
        return new JdbcHolidayCalendarFiles(new JdbcTemplate(dataSource));
    }

    @Bean
    public StepLog stepLog(JourneyStepMapper steps, DataSource dataSource, Transactions transactions) {
        return new MybatisStepLog(steps, new JdbcTemplate(dataSource), transactions);
    }

    @Bean
    public Outbox outbox(OutboxMapper outbox, DataSource dataSource, Transactions transactions,
                         ObjectProvider<ObjectMapper> objectMappers) {
        return new MybatisOutbox(outbox, new JdbcTemplate(dataSource), transactions, json(objectMappers));
    }

    @Bean
    public JourneyCounters journeyCounters(JourneyCounterMapper counters, DataSource dataSource,
                                           Transactions transactions) {
        return new MybatisJourneyCounters(counters, new JdbcTemplate(dataSource), transactions);
    }

    @Bean
    public SegmentStore segmentStore(SegmentMapper segments, DataSource dataSource) {
        return new MybatisSegmentStore(segments, new JdbcTemplate(dataSource));
    }

    @Bean
    public SegmentEvaluation segmentEvaluation(DataSource dataSource, ObjectProvider<ObjectMapper> objectMappers) {
        return new JdbcSegmentEvaluation(new JdbcTemplate(dataSource), json(objectMappers));
    }

    @Bean
    public EntryDecisions entryDecisions(DataSource dataSource) {
        return new JdbcEntryDecisions(new JdbcTemplate(dataSource));
    }

    @Bean
    public CouponStock couponStock(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcCouponStock(new JdbcTemplate(dataSource), transactionManager);
    }

    @Bean
    public JdbcJourneyAnalytics journeyAnalytics(DataSource dataSource) {
        return new JdbcJourneyAnalytics(new JdbcTemplate(dataSource));
    }

    private static ObjectMapper json(ObjectProvider<ObjectMapper> objectMappers) {
        return objectMappers.getIfUnique(JsonMapper::shared);
    }
}

package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.HolidayCalendarFiles;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.dispatch.SendRateLimiter;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.IntakeObserver;
import org.wayfarer.journey.inbox.FailedEvents;
import org.wayfarer.journey.inbox.GroupCommitIntake;
import org.wayfarer.journey.infra.embedded.InboxEventBus;
import org.wayfarer.journey.infra.embedded.StripedContactLocks;
import org.wayfarer.journey.infra.embedded.TokenBucketRateLimiter;
import org.wayfarer.journey.runtime.BatchProcessor;
import org.wayfarer.journey.runtime.ContactLocks;
import org.wayfarer.journey.runtime.Engine;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceRunner;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.LifecycleSweeps;
import org.wayfarer.journey.runtime.Partitions;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.TimerWheel;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.webhook.WebhookSender;

/**
 * Wires the journey engine in embedded mode: MyBatis-Plus stores, the inbox-backed bus, in-process locks and rate
 * limits. Cluster mode (later) swaps the bus, locks and limiter beans; everything else is the same code path.
 */
@AutoConfiguration
@EnableConfigurationProperties({EngineProperties.class, RuntimeProperties.class})
@Import({MybatisStoresConfiguration.class, CryptoConfiguration.class, JourneyServicesConfiguration.class,
        WebhookConfiguration.class, SegmentRefreshConfiguration.class, ScheduleConfiguration.class})
public class JourneyEngineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChannelSenders channelSenders(List<ChannelSender> senders) {
        return new ChannelSenders(senders);
    }

    /** Every channel module's account records; a channel without one owns nothing (its sends are refused). */
    @Bean
    AccountOwnership accountOwnership(ObjectProvider<ChannelAccounts> accounts) {
        return new AccountOwnership(accounts.orderedStream().toList());
    }

    /** Send nodes may use every channel but {@code webhook}, which has a node of its own. */
    @Bean
    JourneyCompiler journeyCompiler(ChannelSenders senders) {
        Set<String> sendChannels = new TreeSet<>(senders.channels());
        sendChannels.remove(WebhookSender.CHANNEL);
        return new JourneyCompiler(sendChannels, JourneyCompiler.Limits.defaults());
    }


    @Bean
    Partitions partitions(EngineProperties properties) {
        int count = properties.partitions() > 0 ? properties.partitions()
                : Math.min(256, Runtime.getRuntime().availableProcessors());
        return new Partitions(count);
    }

    @Bean
    ContactLocks contactLocks(Partitions partitions) {
        return new StripedContactLocks(partitions, 64);
    }

    @Bean
    SendRateLimiter sendRateLimiter(EngineProperties properties) {
        return new TokenBucketRateLimiter(properties.sendRatePerSecond(), properties.sendBurst());
    }

    /**
     * Bounded. The dispatcher holds at most {@code sendThreads + sendQueue} claimed rows; the queue has room for
     * {@code sendThreads} more because a send thread that has just written receipts keeps its thread while it claims
     * the next rows, so the pool never refuses what was claimed.
     */
    @Bean(destroyMethod = "")
    ExecutorService wayfarerSendPool(EngineProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(properties.sendThreads(), properties.sendThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.sendThreads() + properties.sendQueue()),
                r -> new Thread(r, "wayfarer-send-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Outbox outbox, ChannelSenders senders, AccountOwnership ownership,
                                      SendRateLimiter limiter, ExecutorService wayfarerSendPool, Clock clock,
                                      EngineProperties properties) {
        return new OutboxDispatcher(outbox, senders, ownership, limiter, wayfarerSendPool, clock,
                new OutboxDispatcher.Settings(nodeName(properties), properties.lease(), properties.maxSendAttempts(),
                        200, properties.sendThreads() + properties.sendQueue()));
    }

    /**
     * The holiday calendars waits and send windows use: the bundled years, and for a tenant that uploaded a year
     * file, that file in place of the bundled year (kept in the database, so every node builds the same calendars).
     */
    @Bean
    @ConditionalOnMissingBean
    HolidayCalendars holidayCalendars(HolidayCalendarFiles files) {
        HolidayCalendars calendars = new HolidayCalendars(HolidayCalendar.bundled());
        files.all().forEach((tenantId, years) -> years.values().forEach(file -> calendars.replaceYear(tenantId,
                file)));
        return calendars;
    }

    @Bean
    Engine engine(ContactStore contacts, InstanceStore instances, EventLog events, StepLog steps,
                  JourneyCounters counters, Outbox outbox, PublishedJourneys publishedJourneys, ChannelSenders senders,
                  IdGenerator ids, HolidayCalendars calendars, Partitions partitions, TenantSettings settings,
                  EntryDecisions entryDecisions, CouponStock couponStock) {
        return new Engine(contacts, instances, events, steps, counters, outbox, publishedJourneys,
                new InstanceRunner(ids, senders, calendars), ids, partitions, settings, entryDecisions, couponStock);
    }

    /** What pause, resume, stop and publish-with-migration do to a journey's instances, a page at a time. */
    @Bean
    LifecycleSweeps lifecycleSweeps(Engine engine, Transactions transactions, Clock clock) {
        return new LifecycleSweeps(engine.instances(), engine.runner(), engine.stepLog(), engine.counters(),
                transactions, clock, LifecycleSweeps.PAGE_SIZE);
    }

    /** The trigger index; also the catalog's {@code PublicationListener}, so a publish is seen at once. */
    @Bean
    PublishedJourneys publishedJourneys(JourneyStore journeys, JourneyCompiler compiler) {
        return new PublishedJourneys(journeys, compiler);
    }

    @Bean
    ContactResolver contactResolver(ContactStore contacts, Transactions transactions, IdGenerator ids, Clock clock) {
        return new ContactResolver(contacts, transactions, ids, clock);
    }

    @Bean
    BatchProcessor batchProcessor(Engine engine, EventLog events, ContactResolver resolver, ContactLocks locks,
                                  Transactions transactions, OutboxDispatcher dispatcher, Clock clock) {
        return new BatchProcessor(engine, events, resolver, locks, transactions, dispatcher, clock);
    }

    @Bean(destroyMethod = "")
    InboxEventBus inboxEventBus(Partitions partitions, EventLog events, BatchProcessor processor, Clock clock,
                                EngineProperties engine, RuntimeProperties runtime) {
        return new InboxEventBus(partitions, events, processor, clock, new InboxEventBus.Settings(
                engine.eventSweepInterval(), runtime.batchSize(), runtime.wakeupQueue(), runtime.maxEventAttempts(),
                runtime.eventRetryDelay(), runtime.maxEventRetryDelay()));
    }

    /** Every {@link IntakeObserver} bean (channels' exact tallies) sees each write, in its transaction, in order. */
    @Bean(destroyMethod = "")
    GroupCommitIntake eventIntake(EventLog events, ContactResolver resolver, InboxEventBus bus, Partitions partitions,
                                  IdGenerator ids, Transactions transactions, Clock clock, RuntimeProperties runtime,
                                  ObjectProvider<IntakeObserver> observers) {
        List<IntakeObserver> all = observers.orderedStream().toList();
        return new GroupCommitIntake(events, resolver, bus, partitions, ids, transactions, clock,
                new GroupCommitIntake.Settings(runtime.intakeBatchSize(), runtime.intakeMaxDelay(),
                        runtime.intakeQueue(), runtime.intakeTimeout(), false),
                stored -> all.forEach(observer -> observer.stored(stored)));
    }

    @Bean
    FailedEvents failedEvents(EventLog events, InboxEventBus bus, Clock clock) {
        return new FailedEvents(events, bus, clock);
    }

    @Bean
    TimerWheel timerWheel(InstanceStore instances, InboxEventBus bus, Clock clock, EngineProperties engine,
                          RuntimeProperties runtime) {
        return new TimerWheel(instances, bus, clock, new TimerWheel.Settings(nodeName(engine), runtime.timerHorizon(),
                engine.lease(), runtime.timerClaimBatch(), runtime.timerCapacity()));
    }

    @Bean
    EngineLifecycle engineLifecycle(GroupCommitIntake intake, InboxEventBus bus, TimerWheel timers,
                                    PublishedJourneys published, JourneyLifecycle lifecycle,
                                    OutboxDispatcher dispatcher, ExecutorService wayfarerSendPool,
                                    EngineProperties properties, RuntimeProperties runtime) {
        return new EngineLifecycle(intake, bus, timers, published, lifecycle, dispatcher, wayfarerSendPool,
                properties, runtime);
    }

    static String nodeName(EngineProperties properties) {
        return properties.nodeName() != null ? properties.nodeName() : NodeName.RANDOM;
    }

    private static final class NodeName {
        static final String RANDOM = "node-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import java.util.List;
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
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.dispatch.SendRateLimiter;
import org.wayfarer.journey.event.DurableEventIntake;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Partitions;
import org.wayfarer.journey.infra.embedded.InboxEventBus;
import org.wayfarer.journey.infra.embedded.StripedContactLocks;
import org.wayfarer.journey.infra.embedded.TokenBucketRateLimiter;
import org.wayfarer.journey.runtime.ContactEventProcessor;
import org.wayfarer.journey.runtime.ContactLocks;
import org.wayfarer.journey.runtime.Engine;
import org.wayfarer.journey.runtime.InstanceRunner;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.TimerPoller;
import org.wayfarer.journey.runtime.WakeupProcessor;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * Wires the journey engine in embedded mode: MyBatis-Plus stores, the inbox-backed bus, in-process locks and rate
 * limits. Cluster mode (later) swaps the bus, locks and limiter beans; everything else is the same code path.
 */
@AutoConfiguration
@EnableConfigurationProperties(EngineProperties.class)
@Import({MybatisStoresConfiguration.class, CryptoConfiguration.class, JourneyServicesConfiguration.class})
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

    @Bean
    JourneyCompiler journeyCompiler(ChannelSenders senders) {
        return new JourneyCompiler(senders.channels(), JourneyCompiler.Limits.defaults());
    }


    @Bean
    Partitions partitions(EngineProperties properties) {
        return new Partitions(properties.partitions());
    }

    @Bean
    ContactLocks contactLocks() {
        return new StripedContactLocks(1024);
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

    @Bean
    Engine engine(ContactStore contacts, InstanceStore instances, StepLog steps, JourneyCounters counters,
                  Outbox outbox, JourneyStore journeys, JourneyCompiler compiler, ChannelSenders senders,
                  IdGenerator ids) {
        return new Engine(contacts, instances, steps, counters, outbox, new PublishedJourneys(journeys, compiler),
                new InstanceRunner(ids, senders), ids);
    }

    @Bean
    ContactEventProcessor contactEventProcessor(EventLog events, ContactStore contacts, Engine engine,
                                                ContactLocks locks, Transactions transactions,
                                                OutboxDispatcher dispatcher, IdGenerator ids, Clock clock) {
        return new ContactEventProcessor(events, new ContactResolver(contacts, transactions, ids, clock), engine,
                locks, transactions, dispatcher::dispatchSoon, clock);
    }

    @Bean
    WakeupProcessor wakeupProcessor(Engine engine, EventLog events, ContactLocks locks, Transactions transactions,
                                    OutboxDispatcher dispatcher, Clock clock) {
        return new WakeupProcessor(engine, events, locks, transactions, dispatcher::dispatchSoon, clock);
    }

    @Bean(destroyMethod = "")
    InboxEventBus inboxEventBus(Partitions partitions, EventLog events, ContactEventProcessor eventProcessor,
                                WakeupProcessor wakeupProcessor, Clock clock, EngineProperties properties) {
        return new InboxEventBus(partitions, events, eventProcessor, wakeupProcessor, clock,
                properties.eventSweepInterval(), 200);
    }

    @Bean
    EventIntake eventIntake(EventLog events, InboxEventBus bus, Partitions partitions, IdGenerator ids, Clock clock) {
        return new DurableEventIntake(events, bus, partitions, ids, clock);
    }

    @Bean
    TimerPoller timerPoller(InstanceStore instances, InboxEventBus bus, Clock clock, EngineProperties properties) {
        return new TimerPoller(instances, bus, clock, nodeName(properties), 500, properties.lease());
    }

    @Bean
    EngineLifecycle engineLifecycle(InboxEventBus bus, TimerPoller timers, OutboxDispatcher dispatcher,
                                    ExecutorService wayfarerSendPool, EngineProperties properties) {
        return new EngineLifecycle(bus, timers, dispatcher, wayfarerSendPool, properties);
    }

    private static String nodeName(EngineProperties properties) {
        return properties.nodeName() != null ? properties.nodeName() : NodeName.RANDOM;
    }

    private static final class NodeName {
        static final String RANDOM = "node-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

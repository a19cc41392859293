package org.wayfarer.journey.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.coupon.LocalCouponStock;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.inbox.FailedEvents;
import org.wayfarer.journey.inbox.GroupCommitIntake;
import org.wayfarer.journey.infra.embedded.InboxEventBus;
import org.wayfarer.journey.infra.embedded.PartitionWorker;
import org.wayfarer.journey.infra.embedded.StripedContactLocks;
import org.wayfarer.journey.infra.embedded.TokenBucketRateLimiter;
import org.wayfarer.journey.runtime.BatchProcessor;
import org.wayfarer.journey.runtime.Engine;
import org.wayfarer.journey.runtime.EventBus;
import org.wayfarer.journey.runtime.InstanceRunner;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.Partitions;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.runtime.TimerWheel;

/**
 * The whole runtime over the in-memory ports and a {@link MutableClock}, driven synchronously: nothing runs on a
 * thread of its own, so a test says what happens ({@link #enroll}, {@link #follows}), moves time ({@link #advance}),
 * fires timers ({@link #fireDueTimers}) and looks at what was {@link #sent()}, in milliseconds. The intake writes on
 * the caller's thread (a batch of one), the partitions are drained by {@link #runUntilIdle()} with the real
 * {@link PartitionWorker}, and sends go out on the caller's thread through the real dispatcher.
 *
 * <p>The in-memory stores do not roll back: a poison injected with {@link #failWhenProcessing} strikes while the batch
 * reads, before anything is written, as a failure in a real transaction would leave nothing behind.
 */
public final class EngineTestKit {

    public static final long TENANT = 1;
    public static final String APP = "wx00000000000000a1";
    private static final AtomicLong SEQ = new AtomicLong();

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    public final InMemoryEventLog events = new InMemoryEventLog();
    public final InMemoryContactStore contactStore = new InMemoryContactStore();
    public final InMemoryInstanceStore instances = new InMemoryInstanceStore();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryStepLog steps = new InMemoryStepLog();
    public final InMemoryJourneyCounters counters = new InMemoryJourneyCounters();
    public final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    public final InMemoryEntryDecisions decisions = new InMemoryEntryDecisions();
    public final FailedEvents failedEvents;
    public final TimerWheel timers;

    private final PoisonableContactStore contacts = new PoisonableContactStore(contactStore);
    private final RecordingSender sender = new RecordingSender();
    private final Partitions partitions;
    private final List<Queue<DueWakeup>> wakeups = new ArrayList<>();
    private final List<PartitionWorker> workers = new ArrayList<>();
    private final Set<Integer> signalled = new HashSet<>();
    private final JourneyCatalog catalog;
    private final GroupCommitIntake intake;
    private final DirectTransactions transactions = new DirectTransactions();

    /** Two partitions; a failing event is retried after 10 s, 20 s, then FAILED on its third attempt. */
    public EngineTestKit() {
        int partitionCount = 2;
        partitions = new Partitions(partitionCount);
        AtomicLong idSeq = new AtomicLong(1_000);
        IdGenerator ids = idSeq::incrementAndGet;
        ChannelSenders senders = new ChannelSenders(List.of(sender));
        JourneyCompiler compiler = new JourneyCompiler(senders.channels(), JourneyCompiler.Limits.defaults());
        PublishedJourneys published = new PublishedJourneys(journeys, compiler);
        AccountOwnership ownership = new AccountOwnership(List.of(new KitAccounts()));
        catalog = new JourneyCatalog(journeys, compiler, ownership, transactions, ids, clock, published);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, senders, ownership,
                new TokenBucketRateLimiter(1e6, 1e6), Runnable::run, clock,
                new OutboxDispatcher.Settings("kit", Duration.ofMinutes(1), 8, 100, 100));
        Engine engine = new Engine(contacts, instances, events, steps, counters, outbox, published,
                new InstanceRunner(ids, senders, new HolidayCalendars()), ids, partitions, new InMemoryTenantSettings(),
                decisions, new LocalCouponStock());
        ContactResolver resolver = new ContactResolver(contacts, transactions, ids, clock);
        BatchProcessor processor = new BatchProcessor(engine, events, resolver,
                new StripedContactLocks(partitions, 4), transactions, dispatcher, clock);
        EventBus bus = new KitBus();
        InboxEventBus.Settings settings = new InboxEventBus.Settings(
                Duration.ofSeconds(1), 100, 1_000, 3, Duration.ofSeconds(10), Duration.ofMinutes(5));
        for (int p = 0; p < partitionCount; p++) {
            wakeups.add(new ArrayDeque<>());
            workers.add(new PartitionWorker(p, events, processor, clock, settings));
        }
        intake = new GroupCommitIntake(events, resolver, bus, partitions, ids, transactions, clock,
                new GroupCommitIntake.Settings(100, Duration.ZERO, 100, Duration.ofSeconds(5), false));
        failedEvents = new FailedEvents(events, bus, clock);
        timers = new TimerWheel(instances, bus, clock, new TimerWheel.Settings("kit", Duration.ofSeconds(2),
                Duration.ofMinutes(1), 1_000, 10_000));
    }

    /** Publishes a journey definition (created and published through the catalog); returns its id. */
    public long publish(String json) {
        long id = catalog.create(TENANT, json).id();
        catalog.publish(TENANT, id);
        return id;
    }

    public JourneyCatalog catalog() {
        return catalog;
    }

    /** Hands an event to the intake and processes everything pending; returns the intake's answer. */
    public IntakeResult enroll(ContactEvent event) {
        IntakeResult result = intake.accept(event);
        runUntilIdle();
        return result;
    }

    /** Hands an event to the intake without processing it (to build up a batch for {@link #runUntilIdle()}). */
    public IntakeResult accept(ContactEvent event) {
        return intake.accept(event);
    }

    /** A follow event for {@code openid}, not yet handed in. */
    public ContactEvent follow(String openid, String scene) {
        return event("wechat.followed", openid, Map.of("scene", scene), Map.of());
    }

    public ContactEvent event(String type, String openid, Map<String, Object> properties,
                              Map<String, Object> attributes) {
        return new ContactEvent(TENANT, APP, "kit:" + SEQ.incrementAndGet(), type,
                Identity.wechatOpenid(APP, openid), null, clock.instant(), properties, attributes);
    }

    /** Outermost transactions begun so far (intake, processing), to count commits. */
    public int transactionsStarted() {
        return transactions.started();
    }

    /** A WeChat follower of {@link #APP}, from a QR code with {@code scene}. */
    public IntakeResult follows(String openid, String scene) {
        return happens("wechat.followed", openid, Map.of("scene", scene), Map.of());
    }

    public IntakeResult happens(String type, String openid, Map<String, Object> properties,
                                Map<String, Object> attributes) {
        return enroll(event(type, openid, properties, attributes));
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Claims the timers due now, hands them to their partitions and processes them; returns how many were due. */
    public int fireDueTimers() {
        int claimed = timers.pollOnce();
        runUntilIdle();
        return claimed;
    }

    /** Drains every partition (events, retries that are due, wake-ups) until nothing is left to do now. */
    public void runUntilIdle() {
        for (int round = 0; round < 100; round++) {
            boolean any = !signalled.isEmpty() || wakeups.stream().anyMatch(q -> !q.isEmpty());
            signalled.clear();
            for (int p = 0; p < workers.size(); p++) {
                workers.get(p).drain(wakeups.get(p));
            }
            if (!any && signalled.isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("the engine did not settle within 100 rounds");
    }

    /** Every message that reached the channel, in order. */
    public List<Delivery> sent() {
        return sender.sent();
    }

    public List<Delivery> sentTo(String openid) {
        return sender.to(openid);
    }

    public Long contactId(String openid) {
        return contactStore.findByIdentity(TENANT, Identity.wechatOpenid(APP, openid)).map(c -> c.id()).orElse(null);
    }

    /** The partition the follower's contact (and so its events and wake-ups) belongs to. */
    public int partitionOf(String openid) {
        return partitions.ofContact(contactId(openid));
    }

    public List<JourneyInstance> liveInstances(String openid) {
        Long id = contactId(openid);
        return id == null ? List.of() : instances.liveFor(TENANT, id);
    }

    /** Contacts held back behind a failing event, over all partitions. */
    public int blockedContacts() {
        return workers.stream().mapToInt(PartitionWorker::blockedContacts).sum();
    }

    /**
     * From now on, a batch that touches the follower's contact throws what {@code poison} makes (an exception or an
     * {@link Error} such as {@link StackOverflowError}) while it reads; {@code null} heals it.
     */
    public void failWhenProcessing(String openid, Function<Long, Throwable> poison) {
        contacts.poison(contactId(openid), poison);
    }

    private final class KitBus implements EventBus {
        @Override
        public void published(long eventId, int partition) {
            signalled.add(partition);
        }

        @Override
        public boolean wakeUp(DueWakeup wakeup) {
            return wakeups.get(partitions.ofContact(wakeup.contactId())).offer(wakeup);
        }
    }

    /** The kit's tenant owns the kit's official account, and nothing else is owned. */
    private static final class KitAccounts implements ChannelAccounts {
        @Override
        public boolean owns(long tenantId, String channel, String account) {
            return tenantId == TENANT && APP.equalsIgnoreCase(account);
        }

        @Override
        public boolean covers(String channel) {
            return channel.startsWith("wechat.");
        }
    }

}

package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.BatchProcessor;
import org.wayfarer.journey.runtime.ContactLocks;
import org.wayfarer.journey.runtime.Engine;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.testing.PendingHandoff;

/**
 * Two workers given the same contact's batch at once, on H2 with the real stores: as after a rebalance in a cluster,
 * or with the contact lock lost. Whoever commits first wins; the other's processed marks find nothing pending, its
 * whole batch rolls back, and the follower has one instance and one message.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class BatchConcurrencyIT {

    /** No worker serves this partition, so only the test's processors see its events. */
    private static final int UNSERVED_PARTITION = 200;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_concurrency_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.engine.partitions", () -> "4");
    }

    @Autowired
    JourneyCatalog catalog;
    @Autowired
    EventLog events;
    @Autowired
    InstanceStore instances;
    @Autowired
    Outbox outbox;
    @Autowired
    Engine engine;
    @Autowired
    ContactResolver resolver;
    @Autowired
    ContactLocks locks;
    @Autowired
    Transactions transactions;
    @Autowired
    IdGenerator ids;
    @Autowired
    Clock clock;

    @Test
    void twoWorkersWithTheContactLockProcessTheBatchOnce() throws Exception {
        raceOnOneContact("locked", locks);
    }

    @Test
    void twoWorkersWithoutAnyLockStillProcessTheBatchOnce() throws Exception {
        raceOnOneContact("unlocked", new ContactLocks() {
            @Override
            public <T> T withLocks(List<Long> contactIds, Supplier<T> work) {
                return work.get();
            }
        });
    }

    private void raceOnOneContact(String prefix, ContactLocks contactLocks) throws Exception {
        String key = prefix + UUID.randomUUID().toString().substring(0, 8);
        long journey = catalog.create(JourneyKit.TENANT, """
                {"key": "%s", "name": "race", "entry": {"policy": "ONCE"},
                 "trigger": {"event": "wechat.followed", "when": "event.race == '%s'"},
                 "start": "hi", "nodes": {
                   "hi": {"type": "send", "channel": "wechat.template",
                          "message": {"templateId": "TPL_RACE", "data": {"thing1": "x"}}, "next": "wait"},
                   "wait": {"type": "wait", "duration": "PT1H", "next": "done"}, "done": {"type": "exit"}}}
                """.formatted(key, key)).id();
        catalog.publish(JourneyKit.TENANT, journey);
        String openid = "o" + key;
        ContactEvent follow = event(openid, "wechat.followed", key + ":f");
        long contact = transactions.inTransaction(() -> resolver.resolve(follow));
        List<Long> appended = new ArrayList<>();
        for (ContactEvent e : List.of(follow, event(openid, "custom.cart_added", key + ":c"))) {
            long id = ids.nextId();
            transactions.run(() -> events.append(new EventLog.NewEvent(id, e, contact, UNSERVED_PARTITION),
                    clock.instant()));
            appended.add(id);
        }
        List<StoredEvent> batch = events.pending(UNSERVED_PARTITION, clock.instant(), 10, Set.of()).stream()
                .filter(e -> appended.contains(e.id())).toList();
        List<OutboxMessage> dispatched = new CopyOnWriteArrayList<>();
        BatchProcessor processor = new BatchProcessor(engine, events, resolver, contactLocks, transactions,
                new PendingHandoff(dispatched::addAll), clock);

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            runs.add(workers.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return processor.process(batch, List.of()).sends();
            }));
        }
        int succeeded = 0;
        for (Future<Integer> run : runs) {
            try {
                run.get(30, TimeUnit.SECONDS);
                succeeded++;
            } catch (java.util.concurrent.ExecutionException lost) {
                // the loser: stale processed marks (or a lock timeout) rolled its batch back
            }
        }
        workers.shutdown();

        assertThat(succeeded).as("exactly one batch committed").isEqualTo(1);
        assertThat(appended).allSatisfy(id ->
                assertThat(events.find(id).orElseThrow().status()).isEqualTo(EventStatus.PROCESSED));
        assertThat(instances.liveFor(JourneyKit.TENANT, contact)).singleElement()
                .satisfies(i -> assertThat(i.journeyId()).isEqualTo(journey));
        assertThat(outbox.forContact(JourneyKit.TENANT, contact, 10)).hasSize(1);
        assertThat(dispatched).hasSize(1);
    }

    private ContactEvent event(String openid, String type, String dedupeKey) {
        return new ContactEvent(JourneyKit.TENANT, JourneyKit.APP, dedupeKey, type,
                Identity.wechatOpenid(JourneyKit.APP, openid), null, clock.instant(), Map.of("race", openid.substring(1)),
                Map.of());
    }
}

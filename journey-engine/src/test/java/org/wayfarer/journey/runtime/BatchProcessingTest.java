package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.testing.EngineTestKit;

/** The batch path end to end over the in-memory ports, driven synchronously by the engine test kit. */
class BatchProcessingTest {

    static final String WELCOME = """
            {"key":"welcome","name":"Welcome",
             "trigger":{"event":"wechat.followed","when":"event.scene.startsWith('store_')"},
             "entry":{"policy":"ONCE"}, "exitWhen":[{"event":"wechat.unfollowed"}],
             "start":"hello",
             "nodes":{
              "hello":{"type":"send","channel":"wechat.template",
                       "message":{"templateId":"TPL_WELCOME","data":{"thing1":"{{event.scene}}"}},"next":"wait"},
              "wait":{"type":"wait","duration":"PT24H","next":"nudge"},
              "nudge":{"type":"send","channel":"wechat.template",
                       "message":{"templateId":"TPL_NUDGE","data":{"thing1":"hi"}},"next":"done"},
              "done":{"type":"exit"}}}
            """;

    private final EngineTestKit kit = new EngineTestKit();

    @Test
    void welcomesAFollowerThenNudgesWhenTheWaitElapses() {
        kit.publish(WELCOME);

        kit.follows("oA", "store_1");
        assertThat(kit.sentTo("oA")).extracting(d -> d.message().get("templateId")).containsExactly("TPL_WELCOME");

        kit.advance(Duration.ofHours(23));
        assertThat(kit.fireDueTimers()).isZero();
        kit.advance(Duration.ofHours(1));
        assertThat(kit.fireDueTimers()).isEqualTo(1);

        assertThat(kit.sentTo("oA")).extracting(d -> d.message().get("templateId"))
                .containsExactly("TPL_WELCOME", "TPL_NUDGE");
        assertThat(kit.liveInstances("oA")).isEmpty();
    }

    @Test
    void processesEveryPendingEventOfAPartitionInOneTransaction() {
        kit.publish(WELCOME);
        for (int i = 0; i < 50; i++) {
            kit.accept(kit.follow("oF" + i, "store_" + i));
        }
        int before = kit.transactionsStarted();

        kit.runUntilIdle();

        assertThat(kit.sent()).hasSize(50);
        assertThat(kit.transactionsStarted() - before).as("one batch per partition").isEqualTo(2);
    }

    @Test
    void aRetriedCallbackIsADuplicateAndSendsNothingMore() {
        kit.publish(WELCOME);
        var follow = kit.follow("oDUP", "store_1");

        IntakeResult first = kit.enroll(follow);
        IntakeResult again = kit.enroll(follow);

        assertThat(again).isEqualTo(new IntakeResult.Duplicate(first.eventId()));
        assertThat(kit.sentTo("oDUP")).hasSize(1);
    }

    @Test
    void anEventAndAWakeUpOfOneContactInOneBatchSeeEachOther() {
        kit.publish(WELCOME);
        kit.follows("oLEAVER", "store_1");
        kit.advance(Duration.ofHours(25));

        kit.accept(kit.event("wechat.unfollowed", "oLEAVER", Map.of(), Map.of()));
        kit.fireDueTimers();

        assertThat(kit.sentTo("oLEAVER")).as("exited before the wake-up ran: no nudge").hasSize(1);
        assertThat(kit.liveInstances("oLEAVER")).isEmpty();
    }

    @Test
    void aPoisonedEventInTheMiddleOfABatchFailsAloneAndItsContactWaitsBehindIt() {
        kit.publish(WELCOME);
        kit.follows("oBAD", "store_0");
        kit.failWhenProcessing("oBAD", id -> new IllegalStateException("bad data for contact " + id));
        long before = kit.accept(kit.follow("oBEFORE", "store_1")).eventId();
        long poisoned = kit.accept(kit.event("custom.cart_added", "oBAD", Map.of(), Map.of())).eventId();
        long after = kit.accept(kit.follow("oAFTER", "store_2")).eventId();
        long behind = kit.accept(kit.event("custom.order_paid", "oBAD", Map.of(), Map.of())).eventId();

        kit.runUntilIdle();

        assertThat(status(before)).isEqualTo(EventStatus.PROCESSED);
        assertThat(status(after)).isEqualTo(EventStatus.PROCESSED);
        assertThat(kit.sentTo("oBEFORE")).hasSize(1);
        assertThat(kit.sentTo("oAFTER")).hasSize(1);
        StoredEvent failing = kit.events.find(poisoned).orElseThrow();
        assertThat(failing.status()).isEqualTo(EventStatus.PENDING);
        assertThat(failing.attempts()).isEqualTo(1);
        assertThat(failing.nextAttemptAt()).isEqualTo(kit.clock.instant().plusSeconds(10));
        assertThat(failing.lastError()).contains("bad data");
        assertThat(status(behind)).as("waits behind the failing event").isEqualTo(EventStatus.PENDING);
        assertThat(kit.blockedContacts()).isEqualTo(1);

        kit.advance(Duration.ofSeconds(10));
        kit.runUntilIdle();
        assertThat(kit.events.find(poisoned).orElseThrow().attempts()).isEqualTo(2);
        kit.advance(Duration.ofSeconds(20));
        kit.runUntilIdle();

        assertThat(status(poisoned)).as("gave up after the third attempt").isEqualTo(EventStatus.FAILED);
        assertThat(kit.failedEvents.list(EngineTestKit.TENANT, null, 10).items()).extracting(StoredEvent::id)
                .containsExactly(poisoned);
        assertThat(kit.events.find(behind).orElseThrow().attempts())
                .as("once it gave up, the contact's next event was tried").isEqualTo(1);

        kit.failWhenProcessing("oBAD", null);
        kit.advance(Duration.ofSeconds(10));
        kit.runUntilIdle();
        assertThat(status(behind)).isEqualTo(EventStatus.PROCESSED);
        assertThat(kit.blockedContacts()).isZero();
        assertThat(kit.failedEvents.retry(EngineTestKit.TENANT, poisoned)).isPresent();
        kit.runUntilIdle();
        assertThat(status(poisoned)).as("re-queued and processed once healed").isEqualTo(EventStatus.PROCESSED);
    }

    @Test
    void anErrorFromProcessingIsContainedAndRecordedAndTheWorkerCarriesOn() {
        kit.publish(WELCOME);
        kit.follows("oDEEP", "store_0");
        kit.failWhenProcessing("oDEEP", id -> new StackOverflowError("expression recursed too deep"));

        long poisoned = kit.accept(kit.event("custom.cart_added", "oDEEP", Map.of(), Map.of())).eventId();
        kit.accept(kit.follow("oFINE", "store_1"));
        kit.runUntilIdle();

        assertThat(kit.events.find(poisoned).orElseThrow().lastError()).startsWith("StackOverflowError");
        assertThat(kit.sentTo("oFINE")).hasSize(1);
        kit.follows("oLATER", "store_2");
        assertThat(kit.sentTo("oLATER")).as("the worker still works").hasSize(1);
    }

    @Test
    void aRetriedEventIsRequeuedOnlyOnceAndOnlyForItsTenant() {
        kit.publish(WELCOME);
        kit.follows("oX", "store_0");
        kit.failWhenProcessing("oX", id -> new IllegalStateException("boom"));
        long poisoned = kit.accept(kit.event("custom.cart_added", "oX", Map.of(), Map.of())).eventId();
        for (int attempt = 0; attempt < 3; attempt++) {
            kit.runUntilIdle();
            kit.advance(Duration.ofMinutes(1));
        }
        assertThat(status(poisoned)).isEqualTo(EventStatus.FAILED);

        assertThat(kit.failedEvents.retry(EngineTestKit.TENANT + 1, poisoned)).isEmpty();
        assertThat(kit.failedEvents.retry(EngineTestKit.TENANT, poisoned)).isPresent();
        assertThat(kit.failedEvents.retry(EngineTestKit.TENANT, poisoned)).as("pending now, not failed").isEmpty();
        assertThat(kit.failedEvents.list(EngineTestKit.TENANT, null, 10).items()).isEmpty();
    }

    private EventStatus status(long eventId) {
        return kit.events.find(eventId).map(StoredEvent::status).orElseThrow();
    }
}

package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * waitFor (an event with a filter, a condition on the contact, timeouts), wait-until, split and the loop guard, end
 * to end on H2 with the mutable clock. Event types carry a per-test suffix, so other tests' journeys never match.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class WaitForAndSplitScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_waitfor_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** The abandoned-cart case: wait up to 1 h for the order to be paid, thank with its id, else send a coupon. */
    private String abandonedCart(String cartId) {
        return """
                {"key": "cart-%1$s", "name": "Abandoned cart",
                 "trigger": {"event": "custom.cart_abandoned_%1$s"}, "entry": {"policy": "EVERY_TIME"},
                 "start": "paid",
                 "nodes": {
                   "paid": {"type": "waitFor", "event": "custom.order_paid_%1$s",
                            "when": "event.cartId == '%2$s'", "timeout": "PT1H",
                            "next": "thanks", "timeoutNext": "coupon"},
                   "thanks": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_THANKS",
                                          "data": {"character_string1": "{{waited.paid.orderId}}",
                                                   "thing2": "{{event.cartId}}"}}},
                   "coupon": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_COUPON", "data": {"thing1": "{{event.cartId}}"}}}}}
                """.formatted(suffix, cartId);
    }

    @Test
    void abandonedCartPaidWithinTheHourIsThankedWithTheAwaitedOrder() {
        kit.publish(abandonedCart("C-1"));
        kit.happens("wechat.followed", "oBUYER", Map.of(), Map.of());
        kit.happensVia("api", "custom.cart_abandoned_" + suffix, "oBUYER", Map.of("cartId", "C-1"), Map.of());
        JourneyInstance waiting = kit.liveInstances("oBUYER").get(0);
        assertThat(waiting.status()).isEqualTo(InstanceStatus.WAITING);
        assertThat(waiting.wakeAt()).isEqualTo(kit.now().plus(Duration.ofHours(1)));

        kit.advance(Duration.ofMinutes(20));
        kit.happensVia("api", "custom.order_paid_" + suffix, "oBUYER", Map.of("cartId", "C-2", "orderId", "O-8"),
                Map.of());
        assertThat(kit.instance(waiting.id()).status()).as("another cart's order does not count")
                .isEqualTo(InstanceStatus.WAITING);
        kit.happensVia("api", "custom.order_paid_" + suffix, "oBUYER", Map.of("cartId", "C-1", "orderId", "O-9"),
                Map.of());

        Delivery thanks = kit.awaitSent("oBUYER", 1).get(0);
        assertThat(thanks.message()).containsEntry("templateId", "TPL_THANKS")
                .containsEntry("data", Map.of("character_string1", "O-9", "thing2", "C-1"));
        JourneyInstance done = kit.instance(waiting.id());
        assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(done.scope("waited")).containsKey("paid");
        kit.advanceAndFire(Duration.ofHours(2));
        assertThat(kit.queuedFor("oBUYER")).as("the timeout never fires after the event").hasSize(1);
    }

    @Test
    void abandonedCartNotPaidWithinTheHourGetsTheCoupon() {
        kit.publish(abandonedCart("C-7"));
        kit.happens("wechat.followed", "oSLOW", Map.of(), Map.of());
        kit.happensVia("api", "custom.cart_abandoned_" + suffix, "oSLOW", Map.of("cartId", "C-7"), Map.of());
        JourneyInstance waiting = kit.liveInstances("oSLOW").get(0);

        kit.advanceAndFire(Duration.ofMinutes(59));
        assertThat(kit.instance(waiting.id()).status()).isEqualTo(InstanceStatus.WAITING);
        kit.advanceAndFire(Duration.ofMinutes(1));

        assertThat(kit.awaitSent("oSLOW", 1).get(0).message()).containsEntry("templateId", "TPL_COUPON")
                .containsEntry("data", Map.of("thing1", "C-7"));
        assertThat(kit.steps("oSLOW")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .containsSubsequence(tuple("paid", "WAITING_FOR"),
                        tuple("paid", "TIMED_OUT"),
                        tuple("coupon", "SEND_QUEUED"));
        kit.happensVia("api", "custom.order_paid_" + suffix, "oSLOW", Map.of("cartId", "C-7", "orderId", "late"),
                Map.of());
        assertThat(kit.queuedFor("oSLOW")).as("a late order after the timeout changes nothing").hasSize(1);
    }

    @Test
    void aConditionOnTheContactIsMetWhenTheMemberSystemSyncsIt() {
        kit.publish("""
                {"key": "bind-%1$s", "name": "Phone binding", "trigger": {"event": "custom.joined_%1$s"},
                 "start": "bound",
                 "nodes": {
                   "bound": {"type": "waitFor", "condition": "contact.attributes.phone != null", "timeout": "P2D",
                             "next": "welcome"},
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_BOUND", "data": {"thing1": "{{contact.attributes.phone}}"}}}}}
                """.formatted(suffix));
        kit.happens("custom.joined_" + suffix, "oBIND", Map.of(), Map.of());
        kit.happens("custom.joined_" + suffix, "oBOUND", Map.of(), Map.of("phone", "13800000000"));
        assertThat(kit.awaitSent("oBOUND", 1).get(0).message()).containsEntry("templateId", "TPL_BOUND");
        assertThat(kit.liveInstances("oBIND")).hasSize(1);

        kit.happens("wechat.menu_clicked", "oBIND", Map.of("key", "HOME"), Map.of());
        assertThat(kit.liveInstances("oBIND")).as("still no phone").hasSize(1);
        kit.synced("oBIND", Map.of("phone", "13900000000"));

        assertThat(kit.awaitSent("oBIND", 1).get(0).message())
                .containsEntry("data", Map.of("thing1", "13900000000"));
        assertThat(kit.steps("oBIND")).extracting(StepRecord::outcome).contains("CONDITION_MET");
    }

    @Test
    void waitUntilAnEventPropertyResumesThenAndAPastOneDoesNotWait() {
        String later = kit.now().plus(Duration.ofHours(3)).toString();
        kit.publish("""
                {"key": "remind-%1$s", "name": "Appointment reminder", "trigger": {"event": "custom.booked_%1$s"},
                 "entry": {"policy": "EVERY_TIME"}, "start": "before",
                 "nodes": {
                   "before": {"type": "wait", "until": "event.remindAt", "next": "remind"},
                   "remind": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_REMIND", "data": {"thing1": "{{event.remindAt}}"}}}}}
                """.formatted(suffix));
        kit.happens("custom.booked_" + suffix, "oPATIENT", Map.of("remindAt", later), Map.of());
        kit.happens("custom.booked_" + suffix, "oLATE", Map.of("remindAt", "2020-01-01T00:00:00Z"), Map.of());

        assertThat(kit.awaitSent("oLATE", 1)).hasSize(1);
        assertThat(kit.liveInstances("oPATIENT").get(0).wakeAt()).isEqualTo(Instant.parse(later));
        kit.advanceAndFire(Duration.ofHours(3));
        assertThat(kit.awaitSent("oPATIENT", 1).get(0).message()).containsEntry("templateId", "TPL_REMIND");
    }

    @Test
    void splitSendsEachInstanceDownOnePathAndCountsThePaths() {
        long journeyId = kit.publish("""
                {"key": "ab-%1$s", "name": "A/B", "trigger": {"event": "custom.signed_up_%1$s"}, "start": "ab",
                 "nodes": {
                   "ab": {"type": "split", "paths": [{"name": "A", "weight": 1, "next": "a"},
                                                     {"name": "B", "weight": 1, "next": "b"}]},
                   "a": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_A"}},
                   "b": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_B"}}}}
                """.formatted(suffix));
        List<String> followers = List.of("oS1", "oS2", "oS3", "oS4", "oS5", "oS6", "oS7", "oS8", "oS9", "oS10");
        for (String openid : followers) {
            kit.happens("custom.signed_up_" + suffix, openid + suffix, Map.of(), Map.of());
        }

        long a = 0;
        for (String openid : followers) {
            Object template = kit.awaitSent(openid + suffix, 1).get(0).message().get("templateId");
            a += "TPL_A".equals(template) ? 1 : 0;
        }
        long taken = a;
        // a path nobody took has no counter at all (50/50 over ten followers can leave one empty)
        await().untilAsserted(() -> {
            Map<String, Long> counted = kit.counters(journeyId).get("ab");
            assertThat(counted.getOrDefault("path:A", 0L)).isEqualTo(taken);
            assertThat(counted.getOrDefault("path:B", 0L)).isEqualTo(followers.size() - taken);
        });
    }

    @Test
    void aLoopWhoseConditionAlreadyHoldsFailsTheInstanceWithAClearReason() {
        kit.publish("""
                {"key": "loop-%1$s", "name": "Loop", "trigger": {"event": "custom.looped_%1$s"}, "start": "again",
                 "nodes": {
                   "again": {"type": "waitFor", "condition": "true", "next": "check"},
                   "check": {"type": "branch", "cases": [{"when": "true", "next": "again"}]}}}
                """.formatted(suffix));

        kit.happens("custom.looped_" + suffix, "oLOOP", Map.of(), Map.of());

        JourneyInstance failed = kit.instance(kit.steps("oLOOP").get(0).instanceId());
        assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(failed.endReason()).isEqualTo("step-limit");
        assertThat(kit.steps("oLOOP").get(kit.steps("oLOOP").size() - 1).detail())
                .startsWith("step-limit: took 500 steps without waiting");
    }
}

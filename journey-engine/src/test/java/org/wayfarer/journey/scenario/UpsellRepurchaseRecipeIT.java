package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * The shipped upsell-repurchase recipe end to end. Time starts on Tuesday 1 September 2026, 10:00 in Shanghai, so
 * the product cycle of 30 days ends on 1 October, in the National Day holiday, and the reminder waits for the next
 * working day (Thursday 8 October) at 10:00. The first test relies on that start; the second on nothing but the
 * clock's order, so they run in this order.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpsellRepurchaseRecipeIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_recipe_upsell_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    private static final Instant TUESDAY_1_SEPTEMBER_10_00 = Instant.parse("2026-09-01T02:00:00Z");
    private static final Instant THURSDAY_8_OCTOBER_10_00 = Instant.parse("2026-10-08T02:00:00Z");

    @Autowired
    ApplicationContext context;

    private JourneyKit kit;

    @BeforeAll
    void publish() {
        RecipeScenarios.startAt(context, TUESDAY_1_SEPTEMBER_10_00);
        kit = new JourneyKit(context);
        kit.publish(RecipeScenarios.definition(context, "upsell-repurchase", Map.of()));
    }

    private JourneyInstance orders(String openid, String category) {
        kit.happens("wechat.followed", openid, Map.of(), Map.of());
        kit.happensVia("api", "custom.order_paid", openid,
                Map.of("orderId", "O-" + openid, "productName", "咖啡豆", "category", category), Map.of());
        return kit.liveInstances(openid).get(0);
    }

    @Test
    @Order(1)
    void aBuyerWhoDoesNotOrderAgainGetsTheCrossSellThenTheReminderOnTheNextWorkingMorning() {
        JourneyInstance order = orders("oLAPSED", "coffee");
        assertThat(order.wakeAt()).isEqualTo(kit.now().plus(Duration.ofDays(3)));

        kit.advanceAndFire(Duration.ofDays(3));
        assertThat(kit.awaitSent("oLAPSED", 1).get(0).message()).containsEntry("templateId", "TPL_CROSS_SELL")
                .containsEntry("url", "https://shop.example/match")
                .containsEntry("data", Map.of("thing1", "咖啡豆", "thing2", "搭配好物，一起用更好"));

        kit.advanceAndFire(Duration.ofDays(27)); // 1 October, 10:00: a holiday
        await().untilAsserted(() -> assertThat(kit.instance(order.id()).currentNode()).isEqualTo("morning"));
        assertThat(kit.instance(order.id()).wakeAt()).isEqualTo(THURSDAY_8_OCTOBER_10_00);
        assertThat(kit.queuedFor("oLAPSED")).hasSize(1);

        kit.advanceAndFire(Duration.between(kit.now(), THURSDAY_8_OCTOBER_10_00));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oLAPSED", 2)).get(1).message())
                .containsEntry("templateId", "TPL_REPURCHASE").containsEntry("url", "https://shop.example/reorder")
                .containsEntry("data", Map.of("thing1", "咖啡豆", "thing2", "快用完了吗？点击再次购买"));
        await().until(() -> kit.instance(order.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.steps("oLAPSED")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("crossSell", "SEND_QUEUED"), tuple("again", "TIMED_OUT"), tuple("morning", "WAITING"),
                tuple("remind", "SEND_QUEUED"));
    }

    @Test
    @Order(2)
    void aSecondOrderEndsTheCycleACrossSoldOneIsTheGoalAndANewCycleWaitsAWeek() {
        JourneyInstance repeat = orders("oREPEAT", "coffee");
        JourneyInstance match = orders("oMATCH", "coffee");
        kit.advanceAndFire(Duration.ofDays(3));
        kit.awaitSent("oREPEAT", 1);
        kit.awaitSent("oMATCH", 1);

        kit.happensVia("api", "custom.order_paid", "oREPEAT", Map.of("orderId", "O-2", "category", "coffee"),
                Map.of());
        kit.happensVia("api", "custom.order_paid", "oMATCH", Map.of("orderId", "O-3", "category", "accessories"),
                Map.of());

        assertThat(kit.instance(repeat.id()).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(kit.instance(repeat.id()).endReason()).isNotEqualTo("goal");
        assertThat(kit.steps("oREPEAT")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .contains(tuple("again", "EVENT_ARRIVED"));
        assertThat(kit.instance(match.id()).endReason()).isEqualTo("goal");
        assertThat(kit.liveInstances("oREPEAT")).as("entered 3 days ago: the loop guard keeps it out").isEmpty();
        assertThat(kit.liveInstances("oMATCH")).isEmpty();

        kit.advance(Duration.ofDays(5));
        kit.happensVia("api", "custom.order_paid", "oREPEAT", Map.of("orderId", "O-4", "productName", "滤纸",
                "category", "coffee"), Map.of());
        assertThat(kit.liveInstances("oREPEAT")).as("8 days after the last entry a new cycle starts").hasSize(1);
        kit.advanceAndFire(Duration.ofDays(3));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oREPEAT", 2)).get(1).message())
                .containsEntry("data", Map.of("thing1", "滤纸", "thing2", "搭配好物，一起用更好"));
    }
}

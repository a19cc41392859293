package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.testing.WindowedSender;

/**
 * A coupon node with a stock: the first contacts get the card, the next ones take the {@code soldOut} path, and the
 * count on record is exactly the stock, also when many contacts arrive at once.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class CouponScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_coupon_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("couponSender")
    WindowedSender coupons;
    @Autowired
    CouponStock stock;

    private long publish(JourneyKit kit, String suffix, int stock) {
        return kit.publish("""
                {"key": "coupon-%1$s", "name": "Spring coupon", "trigger": {"event": "custom.visited_%1$s"},
                 "start": "coupon",
                 "nodes": {
                   "coupon": {"type": "send", "channel": "wechat.coupon",
                              "message": {"cardId": "pSPRING", "stock": %2$d,
                                          "template": {"templateId": "TPL_COUPON", "data": {"thing1": "春季券"}}},
                              "next": "done", "soldOut": "missed"},
                   "missed": {"type": "update", "addTags": ["coupon-missed"], "next": "done"},
                   "done": {"type": "exit"}}}
                """.formatted(suffix, stock));
    }

    @Test
    void theStockRunsOutAndLaterContactsTakeTheSoldOutPath() {
        JourneyKit kit = new JourneyKit(context);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long journey = publish(kit, suffix, 2);

        for (String openid : new String[] {"oC1-" + suffix, "oC2-" + suffix, "oC3-" + suffix}) {
            kit.happens("custom.visited_" + suffix, openid, Map.of(), Map.of());
        }

        await().untilAsserted(() -> assertThat(coupons.to("oC1-" + suffix)).hasSize(1));
        await().untilAsserted(() -> assertThat(coupons.to("oC2-" + suffix)).hasSize(1));
        assertThat(coupons.to("oC1-" + suffix).get(0).message()).containsEntry("cardId", "pSPRING");
        assertThat(kit.steps("oC3-" + suffix)).filteredOn(s -> s.outcome().equals("SOLD_OUT")).singleElement()
                .extracting(StepRecord::detail).isEqualTo("pSPRING: all 2 coupons issued");
        assertThat(kit.contact("oC3-" + suffix).tags()).contains("coupon-missed");
        assertThat(kit.queuedFor("oC3-" + suffix)).isEmpty();
        assertThat(kit.counters(journey).get("coupon")).containsEntry("soldOut", 1L);
        assertThat(stock.issued(JourneyKit.TENANT, journey, "coupon", "pSPRING")).isEqualTo(2);
    }

    @Test
    void manyContactsAtOnceGetExactlyTheStock() {
        JourneyKit kit = new JourneyKit(context);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long journey = publish(kit, suffix, 25);

        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            events.add(kit.submits("custom.visited_" + suffix, "oMANY-" + i + "-" + suffix, Map.of()));
        }
        kit.awaitProcessed(events);

        assertThat(stock.issued(JourneyKit.TENANT, journey, "coupon", "pSPRING")).isEqualTo(25);
        assertThat(kit.counters(journey).get("coupon")).containsEntry("soldOut", 55L);
        await().untilAsserted(() -> assertThat(coupons.sent()).filteredOn(d -> d.recipient().endsWith(suffix))
                .hasSize(25));
    }
}

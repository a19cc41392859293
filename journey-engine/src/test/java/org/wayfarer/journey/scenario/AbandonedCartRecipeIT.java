package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The shipped abandoned-cart recipe end to end, its coupon endpoint a real HTTP server on 127.0.0.1 playing the
 * shop: it issues {@code CPN-<cartId>}, and answers 410 Gone for cart {@code C-GONE} (no coupons left).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedCartRecipeIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_recipe_cart_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;

    /** The bodies of the coupon requests the shop received. */
    private final List<String> couponRequests = new CopyOnWriteArrayList<>();
    private HttpServer shop;
    private JourneyKit kit;

    @BeforeAll
    void shopAndJourney() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/coupons", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            couponRequests.add(body);
            if (body.contains("\"C-GONE\"")) {
                exchange.sendResponseHeaders(410, -1);
            } else {
                String cart = body.replaceAll(".*\"cartId\":\"([^\"]*)\".*", "$1");
                byte[] answer = ("{\"code\":\"CPN-" + cart + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        shop.start();
        new JourneyKit(context).publish(RecipeScenarios.definition(context, "abandoned-cart",
                Map.of("couponUrl", "http://127.0.0.1:" + shop.getAddress().getPort() + "/coupons")));
    }

    @AfterAll
    void stopShop() {
        shop.stop(0);
    }

    @BeforeEach
    void monday() {
        kit = new JourneyKit(context);
        RecipeScenarios.toNextMondayMorning(context);
    }

    private JourneyInstance abandons(String openid, String cartId) {
        kit.happens("wechat.followed", openid, Map.of(), Map.of());
        kit.happensVia("api", "custom.cart_abandoned", openid, Map.of("cartId", cartId, "itemName", "保温杯"),
                Map.of());
        return kit.liveInstances(openid).get(0);
    }

    @Test
    void aCartPaidWithinTheHourEndsWithoutAnyMessage() {
        JourneyInstance waiting = abandons("oPAYS", "C-1");
        assertThat(waiting.wakeAt()).isEqualTo(kit.now().plus(Duration.ofHours(1)));

        kit.advance(Duration.ofMinutes(20));
        kit.happensVia("api", "custom.order_paid", "oPAYS", Map.of("orderId", "O-1"), Map.of());

        assertThat(kit.instance(waiting.id()).status()).isEqualTo(InstanceStatus.COMPLETED);
        kit.advanceAndFire(Duration.ofHours(2));
        assertThat(kit.queuedFor("oPAYS")).isEmpty();
        assertThat(couponRequests).noneMatch(body -> body.contains("\"C-1\""));
    }

    @Test
    void anUnpaidCartGetsTheShopsCouponInTheReminderAndPayingWithItIsTheGoal() {
        JourneyInstance waiting = abandons("oCOUPON", "C-2");

        kit.advanceAndFire(Duration.ofHours(1));

        Delivery reminder = kit.awaitSent("oCOUPON", 1).get(0);
        assertThat(reminder.channel()).isEqualTo("wechat.template");
        assertThat(reminder.message()).containsEntry("templateId", "TPL_CART")
                .containsEntry("url", "https://shop.example/cart")
                .containsEntry("data", Map.of("thing1", "保温杯", "character_string2", "CPN-C-2",
                        "thing3", "购物车商品已为你保留"));
        assertThat(couponRequests).contains("{\"cartId\":\"C-2\",\"contactId\":\"" + kit.contactId("oCOUPON") + "\"}");

        kit.advance(Duration.ofHours(5));
        kit.happensVia("api", "custom.order_paid", "oCOUPON", Map.of("orderId", "O-2", "couponCode", "CPN-C-2"),
                Map.of());
        JourneyInstance converted = kit.instance(waiting.id());
        assertThat(converted.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(converted.endReason()).isEqualTo("goal");
        assertThat(kit.steps("oCOUPON")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("paid", "TIMED_OUT"), tuple("issueCoupon", "WEBHOOK_RESPONDED"),
                tuple("couponReminder", "SEND_QUEUED"), tuple("later", "WAITING_FOR"));
    }

    @Test
    void whenTheShopHasNoCouponLeftTheReminderGoesWithoutOneAndALastCallFollowsADayLater() {
        JourneyInstance waiting = abandons("oGONE", "C-GONE");

        kit.advanceAndFire(Duration.ofHours(1));
        assertThat(kit.awaitSent("oGONE", 1).get(0).message()).containsEntry("templateId", "TPL_CART")
                .containsEntry("data", Map.of("thing1", "保温杯", "thing3", "购物车商品已为你保留"));
        assertThat(kit.steps("oGONE")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .contains(tuple("issueCoupon", "WEBHOOK_FAILED"), tuple("reminder", "SEND_QUEUED"));

        kit.advanceAndFire(Duration.ofDays(1));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oGONE", 2)).get(1).message())
                .containsEntry("data", Map.of("thing1", "保温杯", "thing3", "你的购物车还在等你"));
        await().until(() -> kit.instance(waiting.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.instance(waiting.id()).endReason()).isNotEqualTo("goal");
    }
}

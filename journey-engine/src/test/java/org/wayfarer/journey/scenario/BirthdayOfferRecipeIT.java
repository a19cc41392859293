package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.schedule.ScheduledFires;

/**
 * The shipped birthday-offer recipe end to end on its own H2 database (its trigger reads every contact's
 * {@code birthday}): three days before the birthday, at 10:00 in the contact's zone, the shop's gift endpoint (a real
 * HTTP server on 127.0.0.1) issues {@code GIFT-<contact id>} and the greeting carries it; three days later an unused
 * gift gets a reminder, and an order paid with a coupon is the goal. Contacts the shop has no gift for get the
 * greeting alone.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BirthdayOfferRecipeIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_recipe_birthday_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.schedules.poll-interval", () -> "PT1H");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;
    @Autowired
    ScheduledFires fires;

    /** Contact ids the shop has no gift left for. */
    private final Set<String> noGift = ConcurrentHashMap.newKeySet();
    private HttpServer shop;
    private JourneyKit kit;

    @BeforeAll
    void shopAndJourney() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/gifts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contact = body.replaceAll(".*\"contactId\":\"([^\"]*)\".*", "$1");
            if (noGift.contains(contact)) {
                exchange.sendResponseHeaders(410, -1);
            } else {
                byte[] answer = ("{\"code\":\"GIFT-" + contact + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        shop.start();
        String definition = RecipeScenarios.definition(context, "birthday-offer",
                Map.of("giftUrl", "http://127.0.0.1:" + shop.getAddress().getPort() + "/gifts"));
        long id = catalog.create(JourneyKit.TENANT, definition).id();
        lifecycle.publish(JourneyKit.TENANT, id, Map.of());
    }

    @AfterAll
    void stopShop() {
        shop.stop(0);
    }

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
    }

    /** A contact whose birthday is in {@code days} days (local to Shanghai); answers 10:00 three days before it. */
    private Instant bornIn(String openid, int days, String name) {
        LocalDate birthday = kit.now().atZone(RecipeScenarios.SHANGHAI).toLocalDate().plusDays(days);
        kit.synced(openid, Map.of("birthday", birthday.withYear(1992).toString(), "name", name));
        return ZonedDateTime.of(birthday.minusDays(3), LocalTime.of(10, 0), RecipeScenarios.SHANGHAI).toInstant();
    }

    /** Moves time on an hour at a time to {@code end}, polling the fires and the timers after each step. */
    private void walkTo(Instant end) {
        while (kit.now().isBefore(end)) {
            Duration left = Duration.between(kit.now(), end);
            kit.advance(left.compareTo(Duration.ofHours(1)) < 0 ? left : Duration.ofHours(1));
            fires.pollOnce();
            kit.advanceAndFire(Duration.ZERO);
        }
    }

    @Test
    void theGreetingCarriesTheShopsGiftAndAnUnusedGiftIsRemindedOnTheDay() {
        Instant greeting = bornIn("oBDAY", 5, "小美");
        String contact = Long.toString(kit.contactId("oBDAY"));

        walkTo(greeting.minusSeconds(1));
        assertThat(kit.queuedFor("oBDAY")).as("not before 10:00 three days ahead").isEmpty();
        walkTo(greeting.plus(Duration.ofMinutes(5)));
        Delivery greeted = kit.awaitSent("oBDAY", 1).get(0);
        assertThat(greeted.message()).containsEntry("templateId", "TPL_BIRTHDAY")
                .containsEntry("url", "https://shop.example/birthday")
                .containsEntry("data", Map.of("thing1", "小美", "character_string2", "GIFT-" + contact,
                        "thing3", "生日快乐，礼物已备好"));

        walkTo(greeting.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(5)));
        List<Delivery> sent = RecipeScenarios.inQueueOrder(kit.awaitSent("oBDAY", 2));
        assertThat(sent.get(1).message()).containsEntry("data", Map.of("thing1", "小美",
                "character_string2", "GIFT-" + contact, "thing3", "今天生日，礼物别忘了用"));
        assertThat(kit.steps("oBDAY")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("issueGift", "ENTERED"), tuple("issueGift", "WEBHOOK_RESPONDED"), tuple("greet", "SEND_QUEUED"),
                tuple("onTheDay", "TIMED_OUT"), tuple("reminder", "SEND_QUEUED"), tuple("done", "COMPLETED"));
    }

    @Test
    void anOrderPaidWithTheGiftIsTheGoalAndNoGiftLeftMeansTheGreetingAlone() {
        Instant greeting = bornIn("oBUYS", 4, "阿强");
        bornIn("oNOGIFT", 4, "小林");
        noGift.add(Long.toString(kit.contactId("oNOGIFT")));

        walkTo(greeting.plus(Duration.ofMinutes(5)));
        assertThat(kit.awaitSent("oBUYS", 1)).hasSize(1);
        assertThat(kit.awaitSent("oNOGIFT", 1).get(0).message()).containsEntry("data",
                Map.of("thing1", "小林", "thing3", "生日快乐，愿你天天开心"));
        kit.advance(Duration.ofHours(2));
        kit.happensVia("api", "custom.order_paid", "oBUYS",
                Map.of("orderId", "O-7", "couponCode", "GIFT-" + kit.contactId("oBUYS")), Map.of());

        await().until(() -> kit.steps("oBUYS").stream().anyMatch(s -> s.outcome().equals("COMPLETED")));
        assertThat(kit.steps("oBUYS")).filteredOn(s -> s.outcome().equals("COMPLETED")).singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("goal"));
        assertThat(kit.steps("oNOGIFT")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .contains(tuple("issueGift", "WEBHOOK_FAILED"), tuple("greetOnly", "SEND_QUEUED"));
        walkTo(kit.now().plus(Duration.ofDays(4)));
        assertThat(kit.queuedFor("oBUYS")).as("no reminder after the goal")
                .filteredOn(m -> m.channel().equals("wechat.template")).hasSize(1);
    }
}

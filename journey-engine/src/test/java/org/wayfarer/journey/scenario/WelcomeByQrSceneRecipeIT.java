package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * The shipped welcome-by-qr-scene recipe, as shipped, end to end: a follower from a store QR code who binds and
 * picks an interest, and one who does neither, whose last messages fall into the night and wait for the morning
 * but still go out within 48 hours of the follow.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelcomeByQrSceneRecipeIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_recipe_welcome_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;

    private JourneyKit kit;

    @BeforeAll
    void publish() {
        new JourneyKit(context).publish(RecipeScenarios.definition(context, "welcome-by-qr-scene", Map.of()));
    }

    @BeforeEach
    void monday() {
        kit = new JourneyKit(context);
        RecipeScenarios.toNextMondayMorning(context);
    }

    @Test
    void aFollowerWhoBindsAndPicksAnInterestIsWelcomedTaggedAndAsked() {
        kit.follows("oSTORE", "store_001");

        List<Delivery> sent = RecipeScenarios.inQueueOrder(kit.awaitSent("oSTORE", 2));
        assertThat(sent.get(0).channel()).isEqualTo("wechat.template");
        assertThat(sent.get(0).message()).containsEntry("templateId", "TPL_WELCOME")
                .containsEntry("miniprogram", Map.of("appid", "wx00000000000000a2",
                        "pagepath", "pages/store/index?scene=store_001"))
                .containsEntry("data", Map.of("thing1", "新朋友", "thing2", "store_001",
                        "thing3", "欢迎关注，点击进入门店小程序"));
        assertThat(sent.get(1).message()).containsEntry("templateId", "TPL_BIND")
                .containsEntry("url", "https://brand.example/member/bind?scene=store_001");
        assertThat(kit.contact("oSTORE").tags()).containsExactly("store_001");
        assertThat(kit.contact("oSTORE").attributes()).containsEntry("firstScene", "store_001");

        kit.advance(Duration.ofHours(3));
        kit.happensVia("api", "custom.member_bound", "oSTORE", Map.of("memberId", "M-1"), Map.of());
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oSTORE", 3)).get(2).message()).containsEntry("templateId", "TPL_PREFERENCES")
                .containsEntry("data", Map.of("thing1", "告诉我们你的喜好", "thing2", "点击菜单「我的喜好」选一选"));
        kit.happens("wechat.menu_clicked", "oSTORE", Map.of("key", "HOME"), Map.of());
        assertThat(kit.liveInstances("oSTORE")).as("another menu is no answer").hasSize(1);
        kit.happens("wechat.menu_clicked", "oSTORE", Map.of("key", "PREF_COFFEE"), Map.of());

        assertThat(kit.contact("oSTORE").tags()).containsExactly("PREF_COFFEE", "member", "store_001");
        assertThat(kit.contact("oSTORE").attributes()).containsEntry("preference", "PREF_COFFEE");
        assertThat(kit.steps("oSTORE")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("tagScene", "UPDATED"), tuple("welcome", "SEND_QUEUED"), tuple("askBind", "SEND_QUEUED"),
                tuple("bound", "EVENT_ARRIVED"), tuple("tagMember", "UPDATED"),
                tuple("askPreferences", "SEND_QUEUED"), tuple("preference", "EVENT_ARRIVED"),
                tuple("savePreference", "UPDATED"));
        assertThat(kit.liveInstances("oSTORE")).isEmpty();
        assertThat(kit.queuedFor("oSTORE")).hasSize(3);
    }

    @Test
    void aFollowerWhoDoesNothingIsRemindedOnceAndAskedInTheMorningWithin48Hours() {
        Instant followed = kit.now();
        kit.follows("oQUIET", "store_002");
        assertThat(kit.awaitSent("oQUIET", 2)).hasSize(2);
        JourneyInstance instance = kit.liveInstances("oQUIET").get(0);

        kit.advanceAndFire(Duration.ofHours(24));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oQUIET", 3)).get(2).message()).containsEntry("templateId", "TPL_BIND")
                .containsEntry("data", Map.of("thing1", "会员绑定还差一步", "thing2", "点击详情，一步完成绑定"));

        kit.advanceAndFire(Duration.ofHours(12)); // Tuesday 22:00 in Shanghai: quiet until 08:30
        OutboxMessage ask = await().until(() -> kit.queuedFor("oQUIET").stream()
                .filter(m -> m.nodeId().equals("askPreferences")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(ask.nextAttemptAt().atZone(RecipeScenarios.SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(8, 30));
        assertThat(Duration.between(followed, ask.nextAttemptAt())).isLessThan(Duration.ofHours(48));
        assertThat(kit.steps("oQUIET")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .contains(tuple("askPreferences", "SEND_DEFERRED"));
        kit.advance(Duration.between(kit.now(), ask.nextAttemptAt()).plusSeconds(1));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oQUIET", 4)).get(3).message()).containsEntry("templateId", "TPL_PREFERENCES");

        kit.advanceAndFire(Duration.ofHours(1)); // 11 hours after the ask: no answer
        await().until(() -> kit.instance(instance.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.steps("oQUIET")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("bound", "TIMED_OUT"), tuple("remindBind", "SEND_QUEUED"), tuple("boundLater", "TIMED_OUT"),
                tuple("preference", "TIMED_OUT"));
        assertThat(kit.contact("oQUIET").tags()).containsExactly("store_002");
    }

    @Test
    void aFollowerFromAnotherSceneOrWithoutOneIsNotGreeted() {
        kit.follows("oMALL", "mall_001");
        kit.happens("wechat.followed", "oPLAIN", Map.of(), Map.of());

        assertThat(kit.queuedFor("oMALL")).isEmpty();
        assertThat(kit.queuedFor("oPLAIN")).isEmpty();
        assertThat(kit.liveInstances("oMALL")).isEmpty();
    }
}

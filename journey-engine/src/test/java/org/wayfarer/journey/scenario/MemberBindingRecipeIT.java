package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * The shipped member-binding recipe end to end: a follower of the unbound segment who binds after the first ask,
 * one who is reminded and then tagged a member by another journey (the goal), and one who leaves the segment.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberBindingRecipeIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_recipe_member_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    private static final Map<String, Object> UNBOUND = Map.of("segment", "unbound-followers");

    @Autowired
    ApplicationContext context;

    private JourneyKit kit;

    @BeforeAll
    void publish() {
        JourneyKit setup = new JourneyKit(context);
        setup.publish(RecipeScenarios.definition(context, "member-binding", Map.of()));
        // staff verify members at the counter: another journey tags them, which is this recipe's goal
        setup.publish("""
                {"key": "counter-verified", "name": "Verified at the counter",
                 "trigger": {"event": "custom.verified_at_counter"}, "entry": {"policy": "EVERY_TIME"},
                 "start": "tag", "nodes": {"tag": {"type": "update", "addTags": ["member"]}}}""");
    }

    @BeforeEach
    void monday() {
        kit = new JourneyKit(context);
        RecipeScenarios.toNextMondayMorning(context);
    }

    private JourneyInstance entersTheSegment(String openid) {
        kit.happens("wechat.followed", openid, Map.of(), Map.of());
        kit.happens("segment.entered", openid, UNBOUND, Map.of());
        return kit.liveInstances(openid).get(0);
    }

    @Test
    void aFollowerWhoBindsIsTaggedAndThankedWithTheMemberNumber() {
        JourneyInstance asked = entersTheSegment("oBINDS");
        Delivery ask = kit.awaitSent("oBINDS", 1).get(0);
        assertThat(ask.message()).containsEntry("templateId", "TPL_BIND")
                .containsEntry("url", "https://brand.example/member/bind")
                .containsEntry("data", Map.of("thing1", "绑定会员，积分随行", "thing2", "点击详情，一步完成绑定"));

        kit.advance(Duration.ofHours(6));
        kit.happensVia("api", "custom.member_bound", "oBINDS", Map.of(), Map.of("memberId", "M-1001"));

        List<Delivery> sent = RecipeScenarios.inQueueOrder(kit.awaitSent("oBINDS", 2));
        assertThat(sent.get(1).message()).containsEntry("templateId", "TPL_BOUND")
                .containsEntry("data", Map.of("thing1", "会员绑定成功", "character_string2", "M-1001"));
        assertThat(kit.contact("oBINDS").tags()).contains("member");
        assertThat(kit.instance(asked.id()).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(kit.steps("oBINDS")).extracting(StepRecord::nodeId, StepRecord::outcome).containsSubsequence(
                tuple("ask", "SEND_QUEUED"), tuple("bound", "EVENT_ARRIVED"), tuple("tagMember", "UPDATED"),
                tuple("thanks", "SEND_QUEUED"));
    }

    @Test
    void aFollowerRemindedAfterTwoDaysStopsBeingNudgedWhenTaggedAMemberElsewhere() {
        JourneyInstance asked = entersTheSegment("oCOUNTER");
        kit.awaitSent("oCOUNTER", 1);

        kit.advanceAndFire(Duration.ofDays(2));
        assertThat(RecipeScenarios.inQueueOrder(kit.awaitSent("oCOUNTER", 2)).get(1).message())
                .containsEntry("templateId", "TPL_BIND")
                .containsEntry("data", Map.of("thing1", "会员绑定还差一步", "thing2", "点击详情，一步完成绑定"));

        kit.happensVia("api", "custom.verified_at_counter", "oCOUNTER", Map.of(), Map.of());
        await().until(() -> kit.instance(asked.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.instance(asked.id()).endReason()).isEqualTo("goal");
        kit.advanceAndFire(Duration.ofDays(5));
        assertThat(kit.queuedFor("oCOUNTER")).as("no thanks, no more nudges").hasSize(2);
    }

    @Test
    void aFollowerWhoLeavesTheSegmentExitsAndOneOfAnotherSegmentNeverEnters() {
        JourneyInstance asked = entersTheSegment("oLEAVES");
        kit.happens("segment.exited", "oLEAVES", UNBOUND, Map.of());
        assertThat(kit.instance(asked.id()).status()).isEqualTo(InstanceStatus.EXITED);

        kit.happens("segment.entered", "oOTHER", Map.of("segment", "vip"), Map.of());
        assertThat(kit.liveInstances("oOTHER")).isEmpty();
    }
}

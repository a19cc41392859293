package org.wayfarer.journey.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.wayfarer.journey.preview.Previews.event;
import static org.wayfarer.journey.preview.Previews.outcomes;
import static org.wayfarer.journey.preview.Previews.preview;
import static org.wayfarer.journey.preview.Previews.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.settings.SendSettings;

/** The preview's virtual time over the runtime's decisions: waits, waitFors, branches, sends and how it ends. */
class PreviewRunTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z"); // Monday 10:00 in Shanghai

    static final String CART = """
            {"key":"cart","name":"Abandoned cart","trigger":{"event":"custom.cart_abandoned"},"start":"cart",
             "nodes":{
              "cart":{"type":"waitFor","event":"custom.order_paid","timeout":"PT1H","next":"thanks",
                      "timeoutNext":"coupon"},
              "thanks":{"type":"send","channel":"wechat.template",
                        "message":{"templateId":"TPL_THANKS",
                                   "data":{"thing1":"{{waited.cart.orderId}}","thing2":"{{event.sku}}"}},
                        "next":"done"},
              "coupon":{"type":"send","channel":"wechat.coupon","message":{"cardId":"pCARD1"},"next":"done"},
              "done":{"type":"exit"}}}
            """;

    @Test
    void abandonedCartPaidWithinTheHourIsThankedWithTheOrderId() {
        PreviewResult result = preview(CART, scenario(Map.of(),
                event("custom.order_paid", T0.minusSeconds(60), Map.of("orderId", "O-0")),
                event("custom.cart_abandoned", T0, Map.of("sku", "SKU-1")),
                event("custom.order_paid", T0.plus(Duration.ofMinutes(30)), Map.of("orderId", "O-9"))));

        assertThat(result.path()).extracting("node", "at", "outcome").containsExactly(
                tuple("cart", T0, "ENTERED"),
                tuple("cart", T0, "WAITING_FOR"),
                tuple("cart", T0.plusSeconds(1800), "EVENT_ARRIVED"),
                tuple("thanks", T0.plusSeconds(1800), "SEND_QUEUED"),
                tuple("done", T0.plusSeconds(1800), "COMPLETED"));
        assertThat(result.path().get(1).detail()).isEqualTo("custom.order_paid until " + T0.plusSeconds(3600));
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.node()).isEqualTo("thanks");
            assertThat(message.channel()).isEqualTo("wechat.template");
            assertThat(message.at()).isEqualTo(T0.plusSeconds(1800));
            assertThat(message.deferred()).isFalse();
            assertThat(message.message()).isEqualTo(Map.of("templateId", "TPL_THANKS",
                    "data", Map.of("thing1", "O-9", "thing2", "SKU-1")));
        });
        assertThat(result.ended()).isEqualTo(new PreviewResult.Ended("COMPLETED", "exit-node",
                T0.plusSeconds(1800)));
        assertThat(result.waiting()).isNull();
    }

    @Test
    void abandonedCartNotPaidTimesOutToTheCouponAfterAnHour() {
        PreviewResult result = preview(CART, scenario(Map.of(), event("custom.cart_abandoned", T0)));

        assertThat(outcomes(result)).containsExactly("cart ENTERED", "cart WAITING_FOR", "cart TIMED_OUT",
                "coupon SEND_QUEUED", "done COMPLETED");
        assertThat(result.messages()).extracting("node", "channel", "at", "message")
                .containsExactly(tuple("coupon", "wechat.coupon", T0.plusSeconds(3600), Map.of("cardId", "pCARD1")));
    }

    @Test
    void aDateTriggeredJourneyEntersAtTheFirstEventWhichStandsForTheFire() {
        String birthday = """
                {"key":"bday","name":"Birthday","trigger":{"date":{"attribute":"birthday","offset":"-P3D",
                 "at":"10:00","everyYear":true}},"entry":{"policy":"EVERY_TIME"},"start":"wish",
                 "nodes":{"wish":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_BDAY"}}}}
                """;
        PreviewResult result = preview(birthday, scenario(Map.of("birthday", "1990-03-05"),
                event("custom.anything", T0)));

        assertThat(outcomes(result)).containsExactly("wish ENTERED", "wish SEND_QUEUED", "wish COMPLETED");
        assertThat(result.messages()).extracting("node", "at").containsExactly(tuple("wish", T0));
    }

    @Test
    void anEventAtTheTimeoutItselfArrivesBeforeTheTimer() {
        PreviewResult result = preview(CART, scenario(Map.of(), event("custom.cart_abandoned", T0),
                event("custom.order_paid", T0.plusSeconds(3600), Map.of("orderId", "O-1"))));

        assertThat(outcomes(result)).contains("cart EVENT_ARRIVED").doesNotContain("cart TIMED_OUT");
    }

    @Test
    void branchesOnTheContactsAttributes() {
        String journey = """
                {"key":"vip","name":"vip","trigger":{"event":"wechat.followed"},"start":"member",
                 "nodes":{
                  "member":{"type":"branch","cases":[{"when":"contact.attributes.vip == true","next":"vip"}],
                            "otherwise":"plain"},
                  "vip":{"type":"send","channel":"wechat.template",
                         "message":{"templateId":"TPL_VIP","data":{"thing1":"{{contact.attributes.name}}"}}},
                  "plain":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_HI"}}}}
                """;

        PreviewResult vip = preview(journey, scenario(Map.of("vip", true, "name", "王芳"),
                event("wechat.followed", T0)));
        PreviewResult plain = preview(journey, scenario(Map.of("name", "李雷"), event("wechat.followed", T0)));

        assertThat(outcomes(vip)).containsExactly("member ENTERED", "member ADVANCED", "vip SEND_QUEUED",
                "vip COMPLETED");
        assertThat(vip.path().get(1).detail()).isEqualTo("vip");
        assertThat(vip.messages()).extracting("message")
                .containsExactly(Map.of("templateId", "TPL_VIP", "data", Map.of("thing1", "王芳")));
        assertThat(plain.path().get(1).detail()).isEqualTo("plain");
        assertThat(plain.ended().reason()).isEqualTo("path-ended");
    }

    @Test
    void waitsForTenOnTheNextWorkdayAfterChinasNationalDayHoliday() {
        String journey = """
                {"key":"morning","name":"morning","trigger":{"event":"wechat.followed"},"start":"morning",
                 "nodes":{
                  "morning":{"type":"wait","timeOfDay":"10:00","days":"workdays","next":"hello"},
                  "hello":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_HI"}}}}
                """;
        Instant eveOfGoldenWeek = Instant.parse("2025-09-30T04:00:00Z"); // 12:00 in Shanghai

        PreviewResult result = preview(journey, scenario(Map.of(), event("wechat.followed", eveOfGoldenWeek)));

        Instant ninthOfOctober = Instant.parse("2025-10-09T02:00:00Z");
        assertThat(result.path()).extracting("outcome", "at", "detail").startsWith(
                tuple("ENTERED", eveOfGoldenWeek, "wechat.followed"),
                tuple("WAITING", eveOfGoldenWeek, "until " + ninthOfOctober),
                tuple("RESUMED", ninthOfOctober, "due " + ninthOfOctober));
        assertThat(result.messages()).extracting("at").containsExactly(ninthOfOctober);
    }

    @Test
    void timeOfDayIsTheContactsOwnWhenItHasATimezone() {
        String journey = """
                {"key":"berlin","name":"berlin","trigger":{"event":"wechat.followed"},"start":"morning",
                 "nodes":{"morning":{"type":"wait","timeOfDay":"10:00","next":"done"},"done":{"type":"exit"}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of("timezone", "Europe/Berlin"),
                event("wechat.followed", Instant.parse("2026-03-02T08:00:00Z"))));

        assertThat(result.path()).extracting("outcome", "at").contains(
                tuple("RESUMED", Instant.parse("2026-03-02T09:00:00Z")));
    }

    @Test
    void aSendInTheTenantsQuietHoursIsDeferredToTheirEnd() {
        String journey = """
                {"key":"night","name":"night","trigger":{"event":"custom.joined"},"start":"hello",
                 "nodes":{"hello":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_HI"}}}}
                """;
        SendSettings nights = new SendSettings(new QuietHoursRule(LocalTime.of(21, 30), LocalTime.of(8, 30), null,
                false), List.of());
        Instant elevenAtNight = Instant.parse("2026-03-02T15:00:00Z");

        PreviewResult result = preview(journey, scenario(Map.of(), event("custom.joined", elevenAtNight)), nights);

        Instant halfPastEight = Instant.parse("2026-03-03T00:30:00Z");
        assertThat(result.path()).extracting("outcome", "detail").contains(tuple("SEND_DEFERRED",
                "wechat.template quiet hours until " + halfPastEight + " (priority 50)"));
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.dueAt()).isEqualTo(elevenAtNight);
            assertThat(message.at()).isEqualTo(halfPastEight);
            assertThat(message.deferred()).isTrue();
        });
    }

    @Test
    void frequencyCapsCountThePreviewsOwnSends() {
        String journey = """
                {"key":"twice","name":"twice","trigger":{"event":"custom.joined"},"start":"one",
                 "caps":[{"channel":"wechat.template","max":1,"per":"P1D"}],
                 "nodes":{
                  "one":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_1"},"next":"two"},
                  "two":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_2"}}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of(), event("custom.joined", T0)));

        assertThat(result.messages()).extracting("node", "at")
                .containsExactly(tuple("one", T0), tuple("two", T0.plus(Duration.ofDays(1))));
    }

    @Test
    void theGoalEndsTheInstanceBeforeItsLaterSends() {
        String journey = """
                {"key":"bind","name":"bind","trigger":{"event":"wechat.followed"},"start":"welcome",
                 "goal":{"event":"custom.member_bound","within":"P7D"},
                 "nodes":{
                  "welcome":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_HI"},
                             "next":"wait"},
                  "wait":{"type":"wait","duration":"P3D","next":"nudge"},
                  "nudge":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_NUDGE"}}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of(), event("wechat.followed", T0),
                event("custom.member_bound", T0.plus(Duration.ofDays(1)))));

        assertThat(result.ended()).isEqualTo(new PreviewResult.Ended("COMPLETED", "goal", T0.plus(Duration.ofDays(1))));
        assertThat(result.messages()).extracting("node").containsExactly("welcome");
        assertThat(outcomes(result)).endsWith("wait WAITING", "wait COMPLETED");
    }

    @Test
    void anExitCriterionEndsTheInstance() {
        String journey = """
                {"key":"leave","name":"leave","trigger":{"event":"wechat.followed"},"start":"wait",
                 "exitWhen":[{"event":"wechat.unfollowed"}],
                 "nodes":{"wait":{"type":"wait","duration":"P3D","next":"nudge"},
                          "nudge":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL"}}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of(), event("wechat.followed", T0),
                event("wechat.unfollowed", T0.plusSeconds(7200))));

        assertThat(result.ended()).isEqualTo(new PreviewResult.Ended("EXITED", "exit-when:wechat.unfollowed",
                T0.plusSeconds(7200)));
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void aSplitDrawsTheSamePathOnEveryPreview() {
        String journey = """
                {"key":"ab","name":"ab","trigger":{"event":"wechat.followed"},"start":"ab",
                 "nodes":{
                  "ab":{"type":"split","paths":[{"name":"A","weight":50,"next":"a"},
                                                {"name":"B","weight":50,"next":"b"}]},
                  "a":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_A"}},
                  "b":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_B"}}}}
                """;
        PreviewScenario followed = scenario(Map.of(), event("wechat.followed", T0));

        PreviewResult first = preview(journey, followed);
        PreviewResult again = preview(journey, followed);

        assertThat(again).isEqualTo(first);
        String drawn = first.path().get(1).detail();
        assertThat(drawn).isIn("path A", "path B");
        assertThat(first.messages()).extracting("node").containsExactly(drawn.equals("path A") ? "a" : "b");
    }

    @Test
    void anUpdateIsSeenByTheBranchAfterIt() {
        String journey = """
                {"key":"level","name":"level","trigger":{"event":"custom.order_paid"},"start":"level",
                 "nodes":{
                  "level":{"type":"update","set":{"level":"{{event.level}}"},"addTags":["vip"],"next":"pick"},
                  "pick":{"type":"branch","cases":[{"when":"contact.attributes.level == 'gold'","next":"gold"}],
                          "otherwise":"plain"},
                  "gold":{"type":"send","channel":"wechat.template",
                          "message":{"templateId":"TPL_GOLD","data":{"thing1":"{{contact.attributes.level}}"}}},
                  "plain":{"type":"exit"}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of("level", "silver"),
                event("custom.order_paid", T0, Map.of("level", "gold"))));

        assertThat(result.path()).extracting("outcome", "detail").contains(
                tuple("UPDATED", "changed level; tagged vip"), tuple("ADVANCED", "gold"));
        assertThat(result.messages()).extracting("message")
                .containsExactly(Map.of("templateId", "TPL_GOLD", "data", Map.of("thing1", "gold")));
    }

    @Test
    void theTagAnUpdateAnnouncesReachesTheGoal() {
        String journey = """
                {"key":"tagged","name":"tagged","trigger":{"event":"custom.order_paid"},"start":"tag",
                 "goal":{"event":"contact.tagged","when":"event.tag == 'vip'"},
                 "nodes":{
                  "tag":{"type":"update","addTags":["vip"],"next":"wait"},
                  "wait":{"type":"wait","duration":"P1D","next":"late"},
                  "late":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_LATE"}}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of(), event("custom.order_paid", T0)));

        assertThat(outcomes(result)).containsExactly("tag ENTERED", "tag UPDATED", "wait WAITING", "wait COMPLETED");
        assertThat(result.ended()).isEqualTo(new PreviewResult.Ended("COMPLETED", "goal", T0));
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void rendersTemplatesWithTheTriggeringEventsFields() {
        String journey = """
                {"key":"store-welcome","name":"store-welcome",
                 "trigger":{"event":"wechat.followed","when":"event.scene.startsWith('store_')"},
                 "start":"welcome",
                 "nodes":{"welcome":{"type":"send","channel":"wechat.kefu",
                   "message":{"msgtype":"miniprogrampage","title":"{{event.scene}} 欢迎你","appid":"wxMINI",
                              "pagepath":"pages/store?from={{event.source}}","thumbMediaId":"M1"}}}}
                """;

        PreviewResult entered = preview(journey, scenario(Map.of(),
                event("wechat.followed", T0, Map.of("scene", "store_001"))));
        PreviewResult elsewhere = preview(journey, scenario(Map.of(),
                event("wechat.followed", T0, Map.of("scene", "mall_9"))));

        assertThat(entered.messages()).extracting("message").containsExactly(Map.of("msgtype", "miniprogrampage",
                "title", "store_001 欢迎你", "appid", "wxMINI", "pagepath", "pages/store?from=preview",
                "thumbMediaId", "M1"));
        assertThat(elsewhere.path()).isEmpty();
        assertThat(elsewhere.ended().status()).isEqualTo("NOT_ENTERED");
        assertThat(elsewhere.ended().reason()).contains("wechat.followed when event.scene.startsWith('store_')");
    }

    @Test
    void stillWaitingAtUntilSaysWhereAndTillWhen() {
        String journey = """
                {"key":"slow","name":"slow","trigger":{"event":"wechat.followed"},"start":"wait",
                 "nodes":{"wait":{"type":"wait","duration":"P2D","next":"done"},"done":{"type":"exit"}}}
                """;

        PreviewResult result = preview(journey, new PreviewScenario(Map.of(), Set.of(),
                List.of(event("wechat.followed", T0)), T0.plus(Duration.ofDays(1)), Map.of()));

        assertThat(result.ended()).isNull();
        assertThat(result.waiting()).isEqualTo(new PreviewResult.Waiting("wait", T0, T0.plus(Duration.ofDays(2))));
        assertThat(result.until()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void aJourneyThatLoopsThroughAWaitStopsAtTheStepLimit() {
        String journey = """
                {"key":"loop","name":"loop","trigger":{"event":"wechat.followed"},"start":"wait",
                 "nodes":{"wait":{"type":"wait","duration":"PT1M","next":"again"},
                          "again":{"type":"branch","cases":[{"when":"true","next":"wait"}],"otherwise":"wait"}}}
                """;

        PreviewResult result = preview(journey, scenario(Map.of(), event("wechat.followed", T0)));

        assertThat(result.ended().status()).isEqualTo("STOPPED");
        assertThat(result.ended().reason()).isEqualTo(JourneyPreview.STEP_LIMIT);
        assertThat(result.path()).hasSizeBetween(PreviewRun.MAX_STEPS, PreviewRun.MAX_STEPS + 3);
    }
}

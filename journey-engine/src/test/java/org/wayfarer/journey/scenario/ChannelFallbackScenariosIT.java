package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.dispatch.Fallbacks;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.testing.WindowedSender;

/**
 * A send node with {@code channels}: the first channel that can reach the contact now is used and the choice and
 * reasons are in the step log; a refusal at send time falls through to the next channel with the same delivery;
 * when none can be used the node's {@code failed} path is taken.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class ChannelFallbackScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_fallback_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("kefuSender")
    WindowedSender kefu;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        kit.publish("""
                {"key": "card-%1$s", "name": "Store card", "trigger": {"event": "custom.visited_%1$s"},
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channels": ["wechat.kefu", "wechat.template"],
                               "message": {"wechat.kefu": {"msgtype": "miniprogrampage", "title": "欢迎 {{event.store}}",
                                                           "appid": "wxMINI", "pagepath": "pages/store",
                                                           "thumbMediaId": "M1"},
                                           "wechat.template": {"templateId": "TPL_WELCOME",
                                                               "data": {"thing1": "{{event.store}}"}}},
                               "next": "done", "failed": "unreached"},
                   "unreached": {"type": "update", "addTags": ["unreached"], "next": "done"},
                   "done": {"type": "exit"}}}
                """.formatted(suffix));
    }

    @Test
    void aContactInsideTheReplyWindowGetsTheMiniProgramCard() {
        kit.happens("custom.visited_" + suffix, "oOPEN", Map.of("store", "静安店"), Map.of());

        await().untilAsserted(() -> assertThat(kefu.to("oOPEN")).singleElement().satisfies(card -> {
            assertThat(card.message()).containsEntry("title", "欢迎 静安店").doesNotContainKey(Fallbacks.KEY);
            assertThat(card.channel()).isEqualTo("wechat.kefu");
        }));
        assertThat(kit.steps("oOPEN")).filteredOn(s -> s.outcome().equals("SEND_QUEUED")).singleElement()
                .extracting(StepRecord::detail).isEqualTo("wechat.kefu");
        assertThat(kit.queuedFor("oOPEN")).singleElement().satisfies(row -> {
            assertThat(row.channel()).isEqualTo("wechat.kefu");
            assertThat(Fallbacks.of(row.message())).singleElement().extracting(Fallbacks.Fallback::channel)
                    .isEqualTo("wechat.template");
        });
    }

    @Test
    void aClosedWindowSendsTheTemplateAndSaysWhy() {
        kefu.close("oCLOSED", "reply window closed: wechat.followed at 2026-03-01T08:00:00Z");

        kit.happens("custom.visited_" + suffix, "oCLOSED", Map.of("store", "徐汇店"), Map.of());

        assertThat(kit.awaitSent("oCLOSED", 1).get(0).message()).containsEntry("templateId", "TPL_WELCOME");
        assertThat(kefu.to("oCLOSED")).isEmpty();
        assertThat(kefu.asked()).filteredOn(reach -> reach.recipient().equals("oCLOSED")).singleElement()
                .satisfies(reach -> {
                    assertThat(reach.deliveryId()).as("asked while choosing, before any send exists").isZero();
                    assertThat(reach.message()).as("the channel's own message, rendered")
                            .containsEntry("msgtype", "miniprogrampage").containsEntry("title", "欢迎 徐汇店");
                });
        assertThat(kit.steps("oCLOSED")).filteredOn(s -> s.outcome().equals("SEND_QUEUED")).singleElement()
                .extracting(StepRecord::detail).isEqualTo("wechat.template [wechat.kefu: reply window closed:"
                        + " wechat.followed at 2026-03-01T08:00:00Z]");
    }

    @Test
    void aRefusalAtSendTimeFallsThroughToTheTemplateOnTheSameDelivery() {
        kefu.refuse("oREFUSED", "45015", "response out of time limit or subscription is canceled");

        kit.happens("custom.visited_" + suffix, "oREFUSED", Map.of("store", "浦东店"), Map.of());

        assertThat(kit.awaitSent("oREFUSED", 1).get(0).message()).containsEntry("templateId", "TPL_WELCOME")
                .doesNotContainKey(Fallbacks.KEY);
        assertThat(kefu.to("oREFUSED")).hasSize(1);
        OutboxMessage row = await().until(() -> kit.queuedFor("oREFUSED").get(0),
                m -> m.status() == OutboxStatus.SENT);
        assertThat(row.channel()).isEqualTo("wechat.template");
        assertThat(row.errorCode()).isEqualTo("45015");
        assertThat(row.errorMessage()).isEqualTo("wechat.kefu refused it (45015: response out of time limit or"
                + " subscription is canceled); moved to wechat.template");
        assertThat(kit.queuedFor("oREFUSED")).hasSize(1);
    }

    @Test
    void noUsableChannelTakesTheFailedPath() {
        kit.publish("""
                {"key": "kefu-only-%1$s", "name": "Kefu only", "trigger": {"event": "custom.asked_%1$s"},
                 "start": "answer",
                 "nodes": {
                   "answer": {"type": "send", "channels": ["wechat.kefu"],
                              "message": {"wechat.kefu": {"msgtype": "text", "content": "hi"}},
                              "next": "done", "failed": "unreached"},
                   "unreached": {"type": "update", "addTags": ["unreached"], "next": "done"},
                   "done": {"type": "exit"}}}
                """.formatted(suffix));
        kefu.close("oNOWHERE", "reply window closed");

        kit.happens("custom.asked_" + suffix, "oNOWHERE", Map.of(), Map.of());

        assertThat(kit.steps("oNOWHERE")).filteredOn(s -> s.outcome().equals("NO_CHANNEL")).singleElement()
                .extracting(StepRecord::detail).isEqualTo("wechat.kefu: reply window closed");
        assertThat(kit.steps("oNOWHERE")).extracting(StepRecord::outcome).containsSubsequence("NO_CHANNEL",
                "UPDATED", "COMPLETED");
        assertThat(kit.contact("oNOWHERE").tags()).contains("unreached");
        assertThat(kit.queuedFor("oNOWHERE")).isEmpty();
    }
}

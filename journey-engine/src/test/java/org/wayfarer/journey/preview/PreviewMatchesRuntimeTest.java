package org.wayfarer.journey.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.settings.SendSettings;
import org.wayfarer.journey.testing.EngineTestKit;

/**
 * The preview and the runtime take the same steps: one journey (update, waitFor with a timeout, wait, branch on the
 * updated attribute, templates) run by the whole runtime on the in-memory ports, and previewed; the step logs and
 * the messages are compared line by line.
 */
class PreviewMatchesRuntimeTest {

    private static final String JOURNEY = """
            {"key":"same","name":"Same in both","trigger":{"event":"custom.cart_abandoned"},"start":"level",
             "nodes":{
              "level":{"type":"update","set":{"level":"{{event.level}}"},"addTags":["cart"],"next":"cart"},
              "cart":{"type":"waitFor","event":"custom.order_paid","timeout":"PT1H","next":"thanks",
                      "timeoutNext":"later"},
              "thanks":{"type":"send","channel":"wechat.template",
                        "message":{"templateId":"TPL_THANKS","data":{"thing1":"{{waited.cart.orderId}}"}}},
              "later":{"type":"wait","duration":"PT2H","next":"pick"},
              "pick":{"type":"branch","cases":[{"when":"contact.attributes.level == 'gold'","next":"gold"}],
                      "otherwise":"plain"},
              "gold":{"type":"send","channel":"wechat.template",
                      "message":{"templateId":"TPL_GOLD","data":{"thing1":"{{contact.attributes.level}}",
                                                                  "thing2":"{{event.sku}}"}},
                      "next":"done"},
              "plain":{"type":"exit"},
              "done":{"type":"exit"}}}
            """;

    @Test
    void aPreviewTakesTheStepsTheRuntimeTakes() {
        EngineTestKit kit = new EngineTestKit();
        kit.publish(JOURNEY);
        Map<String, Object> abandoned = Map.of("level", "gold", "sku", "SKU-1");
        Instant start = kit.clock.instant();
        kit.happens("custom.cart_abandoned", "oSAME", abandoned, Map.of());
        kit.advance(Duration.ofHours(1));
        kit.fireDueTimers();
        kit.advance(Duration.ofHours(2));
        kit.fireDueTimers();
        List<String> runtime = kit.steps.forContact(EngineTestKit.TENANT, kit.contactId("oSAME"), 100).stream()
                .sorted(Comparator.comparing(step -> step.id()))
                .map(step -> step.nodeId() + " " + step.outcome() + " " + step.detail() + " " + step.at())
                .toList();

        PreviewResult preview = new PreviewRun(Previews.compile(JOURNEY), EngineTestKit.TENANT,
                new PreviewScenario(Map.of(), Set.of(), List.of(Previews.event("custom.cart_abandoned", start,
                        abandoned)), null, Map.of()), SendSettings.none(), HolidayCalendar.bundled(),
                Previews.SENDERS).run();

        assertThat(preview.path().stream()
                .map(step -> step.node() + " " + step.outcome() + " " + step.detail() + " " + step.at()).toList())
                .hasSize(9)
                .isEqualTo(runtime);
        assertThat(preview.messages().stream().map(PreviewResult.Message::message).toList())
                .isEqualTo(kit.sent().stream().map(Delivery::message).toList())
                .hasSize(1);
    }
}

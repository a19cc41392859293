package org.wayfarer.journey.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.wayfarer.journey.preview.Previews.event;
import static org.wayfarer.journey.preview.Previews.outcomes;
import static org.wayfarer.journey.preview.Previews.preview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Webhook nodes in a preview: never called; answered from the scenario, else the failed path, else a stop. */
class PreviewWebhooksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static final String LEVEL = """
            {"key":"level","name":"Level from the CRM","trigger":{"event":"wechat.followed"},"start":"crm",
             "nodes":{
              "crm":{"type":"webhook","url":"https://crm.example/level","method":"POST",
                     "headers":{"Authorization":"Bearer {{contact.attributes.name}}"},
                     "body":{"member":"{{contact.attributes.memberId}}"},"secret":"s3cr3t","saveAs":"crm",
                     "next":"pick","failed":"sorry"},
              "pick":{"type":"branch","cases":[{"when":"webhook.crm.level == 'gold'","next":"gold"}],
                      "otherwise":"sorry"},
              "gold":{"type":"send","channel":"wechat.template",
                      "message":{"templateId":"TPL_GOLD","data":{"thing1":"{{webhook.crm.level}}"}}},
              "sorry":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_SORRY"}}}}
            """;

    private static PreviewScenario followed(Map<String, PreviewScenario.WebhookAnswer> webhooks) {
        return new PreviewScenario(Map.of("memberId", "M-1", "name", "amy"), Set.of(),
                List.of(event("wechat.followed", T0)), null, webhooks);
    }

    @Test
    void aSimulatedAnswerIsSavedForTheNodesAfterIt() {
        PreviewResult result = preview(LEVEL, followed(Map.of("crm",
                new PreviewScenario.WebhookAnswer(200, Map.of("level", "gold")))));

        assertThat(outcomes(result)).containsExactly("crm ENTERED", "crm WEBHOOK_CALLED", "crm WEBHOOK_RESPONDED",
                "pick ADVANCED", "gold SEND_QUEUED", "gold COMPLETED");
        assertThat(result.messages()).extracting("message")
                .containsExactly(Map.of("templateId", "TPL_GOLD", "data", Map.of("thing1", "gold")));
        assertThat(result.webhookCalls()).extracting("node", "at", "method", "url", "body", "answer")
                .containsExactly(tuple("crm", T0, "POST", "https://crm.example/level", Map.of("member", "M-1"),
                        "status 200"));
        assertThat(result.webhookCalls().toString()).doesNotContain("s3cr3t").doesNotContain("Bearer");
    }

    @Test
    void aSimulatedRefusalTakesTheFailedPathWithItsCode() {
        PreviewResult result = preview(LEVEL, followed(Map.of("crm",
                new PreviewScenario.WebhookAnswer(404, null))));

        assertThat(result.path()).extracting("outcome", "detail").contains(tuple("WEBHOOK_FAILED", "http-404"));
        assertThat(result.messages()).extracting("node").containsExactly("sorry");
    }

    @Test
    void withoutAnAnswerTheFailedPathIsTaken() {
        PreviewResult result = preview(LEVEL, followed(Map.of()));

        assertThat(result.path()).extracting("outcome", "detail").contains(tuple("WEBHOOK_FAILED", "not-simulated"));
        assertThat(result.messages()).extracting("node").containsExactly("sorry");
        assertThat(result.webhookCalls()).extracting("answer").containsExactly("not simulated: failed path");
    }

    @Test
    void withoutAnAnswerOrAFailedPathThePreviewStops() {
        PreviewResult result = preview(LEVEL.replace(",\"failed\":\"sorry\"", ""), followed(Map.of()));

        assertThat(result.ended()).isEqualTo(new PreviewResult.Ended("STOPPED", JourneyPreview.WEBHOOK_NOT_SIMULATED,
                T0));
        assertThat(outcomes(result)).containsExactly("crm ENTERED", "crm WEBHOOK_CALLED",
                "crm WEBHOOK_NOT_SIMULATED");
        assertThat(result.messages()).isEmpty();
    }
}

package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class WebhookNodeRulesTest {

    private static ObjectNode withWebhook(String json) {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "welcome").put("next", "hook");
        ((ObjectNode) document.get("nodes")).set("hook", Journeys.json(json));
        return document;
    }

    @Test
    void readsTheCallItsLimitsAndBothLinks() {
        Compilation compilation = Journeys.compile(withWebhook("""
                {"type":"webhook","url":"https://shop.example/api/coupons?m={{event.memberId}}","method":"PUT",
                 "headers":{"X-Shop":"1"},"body":{"m":"{{event.memberId}}"},"secret":"k","timeout":"PT10S",
                 "retries":3,"saveAs":"coupon","next":"wait","failed":"coupon"}"""));

        assertThat(compilation.errors()).isEmpty();
        WebhookNode hook = (WebhookNode) compilation.definition().node("hook");
        assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(hook.retries()).isEqualTo(3);
        assertThat(hook.saveAs()).isEqualTo("coupon");
        assertThat(hook.next()).isEqualTo("wait");
        assertThat(hook.failed()).isEqualTo("coupon");
    }

    @Test
    void defaultsToPostFiveSecondsAndTwoRetries() {
        WebhookNode hook = (WebhookNode) Journeys.compile(withWebhook(
                "{\"type\":\"webhook\",\"url\":\"https://shop.example/hook\",\"next\":\"wait\"}"))
                .definition().node("hook");

        assertThat(hook.timeout()).isEqualTo(WebhookNode.DEFAULT_TIMEOUT);
        assertThat(hook.retries()).isEqualTo(2);
        assertThat(hook.secret()).isNull();
    }

    @Test
    void rejectsABadTargetReservedHeadersAndBadLimitsAllAtOnce() {
        assertThat(Journeys.compile(withWebhook("""
                {"type":"webhook","url":"ftp://shop.example/x","headers":{"X-Wayfarer-Signature":"forged"},
                 "secret":"","timeout":"PT1M","retries":9,"saveAs":"9x","next":"wait"}""")).errors())
                .extracting(ValidationProblem::pointer)
                .contains("/nodes/hook/url", "/nodes/hook/secret", "/nodes/hook/timeout", "/nodes/hook/retries",
                        "/nodes/hook/saveAs")
                .anyMatch(pointer -> pointer.startsWith("/nodes/hook/headers"));
    }

    @Test
    void aSendNodeCannotUseTheWebhookChannel() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("channel", "webhook");

        assertThat(Journeys.compile(document).errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/coupon/channel", "unknown-channel"));
    }
}

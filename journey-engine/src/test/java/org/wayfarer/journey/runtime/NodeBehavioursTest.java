package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.BranchNode;
import org.wayfarer.journey.definition.ExitNode;
import org.wayfarer.journey.definition.Expression;
import org.wayfarer.journey.definition.ExpressionEvaluationException;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.WaitNode;

class NodeBehavioursTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static final JourneyDefinition JOURNEY = new JourneyCompiler(Set.of("wechat.template"),
            JourneyCompiler.Limits.defaults()).compile("""
            {"key":"welcome","name":"Welcome","trigger":{"event":"wechat.followed"},"start":"hello",
             "nodes":{
              "hello":{"type":"send","channel":"wechat.template",
                       "message":{"templateId":"TPL","data":{"thing1":{"value":"Hi {{#contact.attributes.name}}\
            {{contact.attributes.name}}{{/contact.attributes.name}}{{^contact.attributes.name}}friend\
            {{/contact.attributes.name}}"},"thing2":{"value":"{{event.scene}}"}}},"next":"other"},
              "other":{"type":"send","channel":"wechat.template","account":"wx-brand-2",
                       "message":{"templateId":"TPL2"},"next":"pause"},
              "pause":{"type":"wait","duration":"P2D","next":"member"},
              "member":{"type":"branch","cases":[
                  {"when":"event.scene.startsWith('vip_')","next":"vip"},
                  {"when":"contact.attributes.memberId != null","next":"done"}],
                "otherwise":"vip"},
              "vip":{"type":"exit"},
              "done":{"type":"exit"}}}
            """).definition();

    private static StepContext ctx(Map<String, Object> attributes, Map<String, Object> event) {
        return new StepContext(new Facts(Map.of("id", 1L, "attributes", attributes), event), NOW, 42L);
    }

    @Test
    void sendRendersPersonalisedFieldsAndLeavesTheAccountToTheRuntimeWhenTheNodeNamesNone() {
        StepOutcome outcome = NodeBehaviours.enter(JOURNEY.node("hello"), ctx(Map.of("name", "Li"),
                Map.of("scene", "store_7")));

        assertThat(outcome).isEqualTo(new StepOutcome.Dispatch("wechat.template", null,
                Map.of("templateId", "TPL", "data", Map.of("thing1", Map.of("value", "Hi Li"),
                        "thing2", Map.of("value", "store_7"))), "other"));
    }

    @Test
    void sendFallsBackWhenAFieldIsMissing() {
        StepOutcome.Dispatch dispatch = (StepOutcome.Dispatch) NodeBehaviours.enter(JOURNEY.node("hello"),
                ctx(Map.of(), Map.of()));

        assertThat(dispatch.message()).isEqualTo(Map.of("templateId", "TPL", "data",
                Map.of("thing1", Map.of("value", "Hi friend"), "thing2", Map.of("value", ""))));
    }

    @Test
    void sendUsesTheNodesOwnAccountWhenItNamesOne() {
        StepOutcome outcome = NodeBehaviours.enter(JOURNEY.node("other"), ctx(Map.of(), Map.of()));

        assertThat(outcome).isEqualTo(new StepOutcome.Dispatch("wechat.template", "wx-brand-2",
                Map.of("templateId", "TPL2"), "pause"));
    }

    @Test
    void waitWakesAfterItsDurationFromNow() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("pause"), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-03T08:00:00Z"), "member"));
        assertThat(NodeBehaviours.enter(new WaitNode("w", Duration.ofMinutes(5), null), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.WaitUntil(NOW.plusSeconds(300), null));
    }

    @Test
    void branchTakesTheFirstCaseThatHolds() {
        StepOutcome outcome = NodeBehaviours.enter(JOURNEY.node("member"),
                ctx(Map.of("memberId", "M1"), Map.of("scene", "vip_1")));

        assertThat(outcome).isEqualTo(new StepOutcome.Advance("vip"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("member"), ctx(Map.of("memberId", "M1"),
                Map.of("scene", "store_1")))).isEqualTo(new StepOutcome.Advance("done"));
    }

    @Test
    void branchTakesOtherwiseWhenNoCaseHolds() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("member"), ctx(Map.of(), Map.of("scene", "store_1"))))
                .isEqualTo(new StepOutcome.Advance("vip"));
    }

    @Test
    void branchTreatsAFailingConditionAsFalse() {
        // no scene: the first case calls startsWith on null and fails; the second case still decides
        assertThat(NodeBehaviours.enter(JOURNEY.node("member"), ctx(Map.of("memberId", "M1"), Map.of())))
                .isEqualTo(new StepOutcome.Advance("done"));
    }

    @Test
    void branchWithoutOtherwiseEndsThePath() {
        Expression failing = new Expression() {
            @Override
            public String source() {
                return "boom";
            }

            @Override
            public Object evaluate(Facts facts) {
                throw new ExpressionEvaluationException("expression 'boom' failed", new IllegalStateException());
            }
        };
        BranchNode branch = new BranchNode("b", List.of(new BranchNode.Case(failing, "x")), null);

        assertThat(NodeBehaviours.enter(branch, ctx(Map.of(), Map.of()))).isEqualTo(new StepOutcome.Advance(null));
    }

    @Test
    void exitEndsTheInstance() {
        assertThat(NodeBehaviours.enter(new ExitNode("done"), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.Exit("exit-node"));
    }
}

package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A send node's {@code channel} or ordered {@code channels} with a message per channel, and its {@code failed}. */
class SendNodeRulesTest {

    private static final JourneyCompiler COMPILER = new JourneyCompiler(
            Set.of("wechat.kefu", "wechat.template", "wechat.coupon", "sms"), JourneyCompiler.Limits.defaults());

    private static Compilation compileWelcome(String welcome) {
        ObjectNode document = Journeys.storeWelcome();
        ((ObjectNode) document.get("nodes")).set("welcome", Journeys.json(welcome));
        return COMPILER.compile(document.toString());
    }

    @Test
    void readsChannelsInOrderWithTheirMessagesAndTheFailedLink() {
        Compilation compilation = compileWelcome("""
                {"type":"send","channels":["wechat.kefu","wechat.template"],
                 "message":{"wechat.kefu":{"msgtype":"miniprogrampage","title":"{{event.scene}} 欢迎你",
                                           "appid":"wxMINI","pagepath":"pages/store","thumbMediaId":"M1"},
                            "wechat.template":{"templateId":"TPL_WELCOME","data":{"thing1":"hi"}}},
                 "next":"wait","failed":"done"}""");

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).isEmpty();
        SendNode welcome = (SendNode) compilation.definition().node("welcome");
        assertThat(welcome.choices()).extracting(SendNode.Choice::channel)
                .containsExactly("wechat.kefu", "wechat.template");
        assertThat(welcome.choices().get(0).message().render(new Facts(Map.of("attributes", Map.of()),
                Map.of("scene", "store_7")))).containsEntry("title", "store_7 欢迎你");
        assertThat(welcome.failed()).isEqualTo("done");
        assertThat(welcome.next()).isEqualTo("wait");
        assertThat(welcome.sendsOn("wechat.template")).isTrue();
        assertThat(welcome.sendsOn("sms")).isFalse();
    }

    @Test
    void oneChannelKeepsItsShape() {
        SendNode coupon = (SendNode) COMPILER.compile(Journeys.STORE_WELCOME).definition().node("coupon");

        assertThat(coupon.choices()).singleElement().extracting(SendNode.Choice::channel)
                .isEqualTo("wechat.template");
        assertThat(coupon.failed()).isNull();
    }

    @Test
    void reportsEveryMistakeInTheChannelsAtOnce() {
        Compilation compilation = compileWelcome("""
                {"type":"send","channel":"sms","channels":["wechat.kefu","wecom.app","wechat.kefu",{"c":1},"sms"],
                 "message":{"wechat.kefu":{"msgtype":"text","content":"hi"},"wechat.template":{"templateId":"T"}},
                 "next":"wait"}""");

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("/nodes/welcome/channel", "bad-value"),
                        tuple("/nodes/welcome/channels/1", "unknown-channel"),
                        tuple("/nodes/welcome/channels/2", "bad-value"),
                        tuple("/nodes/welcome/channels/3", "bad-value"),
                        tuple("/nodes/welcome/message/sms", "required"));
        assertThat(compilation.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .contains(tuple("/nodes/welcome/message/wechat.template", "unused-message"));
    }

    @Test
    void refusesAnEmptyOrOverlongListAndTheRuntimesReservedKeys() {
        assertThat(compileWelcome("{\"type\":\"send\",\"channels\":[],\"message\":{},\"next\":\"wait\"}").errors())
                .extracting(ValidationProblem::pointer).containsExactly("/nodes/welcome/channels");
        assertThat(compileWelcome("""
                {"type":"send","channels":["sms","sms","sms","sms","sms","sms"],"message":{},"next":"wait"}""")
                .errors()).extracting(ValidationProblem::pointer).containsExactly("/nodes/welcome/channels");
        assertThat(compileWelcome("""
                {"type":"send","channel":"wechat.template","message":{"templateId":"T","$fallbacks":[]},
                 "next":"wait"}""").errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/welcome/message/$fallbacks", "reserved-key"));
    }

    @Test
    void aCouponsStockIsCountedPerLiteralCardWithASoldOutPath() {
        Compilation compilation = compileWelcome("""
                {"type":"send","channel":"wechat.coupon","message":{"cardId":"pCARD1","stock":500},
                 "next":"wait","soldOut":"done"}""");

        assertThat(compilation.errors()).isEmpty();
        SendNode coupon = (SendNode) compilation.definition().node("welcome");
        assertThat(coupon.stock()).isEqualTo(new SendNode.Stock("pCARD1", 500));
        assertThat(coupon.soldOut()).isEqualTo("done");

        SendNode fallback = (SendNode) compileWelcome("""
                {"type":"send","channels":["wechat.coupon","sms"],
                 "message":{"wechat.coupon":{"cardId":"pCARD2","stock":3},"sms":{"templateCode":"SMS_1"}},
                 "next":"wait"}""").definition().node("welcome");
        assertThat(fallback.stock()).isEqualTo(new SendNode.Stock("pCARD2", 3));
    }

    @Test
    void refusesABadStockATemplatedCardAndSoldOutWithoutStock() {
        assertThat(compileWelcome("""
                {"type":"send","channel":"wechat.coupon","message":{"cardId":"pCARD1","stock":0},"next":"wait"}""")
                .errors()).extracting(ValidationProblem::pointer).containsExactly("/nodes/welcome/message/stock");
        assertThat(compileWelcome("""
                {"type":"send","channel":"wechat.coupon","message":{"cardId":"{{event.card}}","stock":5},
                 "next":"wait"}""").errors()).extracting(ValidationProblem::pointer)
                .containsExactly("/nodes/welcome/message/cardId");
        assertThat(compileWelcome("""
                {"type":"send","channel":"wechat.coupon","message":{"cardId":"pCARD1"},"next":"wait",
                 "soldOut":"done"}""").errors()).extracting(ValidationProblem::pointer)
                .containsExactly("/nodes/welcome/soldOut");
    }
}

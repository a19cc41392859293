package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.Delivery;
import tools.jackson.databind.json.JsonMapper;

class SubscribeMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Delivery delivery(Map<String, Object> message) {
        return new Delivery(900001, 5, "wechat.subscribe", "wxapp", "oOPENID", message);
    }

    @Test
    void buildsTheBizsendBodyWeChatDocuments() {
        WxMpSubscribeMessage message = SubscribeMessages.build(delivery(Map.of("templateId", "T", "page", "pages/x",
                "data", Map.of("thing1", "hello"))));

        assertThat(JSON.readTree(message.toJson())).isEqualTo(JSON.readTree(
                "{\"touser\":\"oOPENID\",\"template_id\":\"T\",\"page\":\"pages/x\","
                        + "\"data\":{\"thing1\":{\"value\":\"hello\"}}}"));
    }

    @Test
    void opensAMiniProgramPageAndKeepsTheKeywordsInOrder() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("thing1", "春季新品");
        data.put("time2", "2026-03-01 10:00");

        WxMpSubscribeMessage message = SubscribeMessages.build(delivery(Map.of("templateId", "T",
                "miniprogram", Map.of("appid", "wxMINI", "pagepath", "pages/order?id=7"), "data", data)));

        assertThat(message.getPage()).isNull();
        assertThat(message.getMiniProgram().getAppid()).isEqualTo("wxMINI");
        assertThat(message.getMiniProgram().getPagePath()).isEqualTo("pages/order?id=7");
        assertThat(message.getDataMap()).containsExactly(Map.entry("thing1", "春季新品"),
                Map.entry("time2", "2026-03-01 10:00"));
        assertThat(JSON.readTree(message.toJson()).get("miniprogram")).isEqualTo(JSON.readTree(
                "{\"appid\":\"wxMINI\",\"pagepath\":\"pages/order?id=7\"}"));
    }

    @Test
    void refusesAMessageWeChatWouldRefuseNamingTheKey() {
        Map<String, Object> data = Map.of("thing1", "hi");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("data", data))))
                .hasMessage("templateId is required");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", 7, "data", data))))
                .hasMessage("templateId must be a string");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T"))))
                .hasMessageStartingWith("data must be an object of the template's keywords");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T", "data", Map.of()))))
                .hasMessageStartingWith("data must be an object");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T",
                "data", Map.of("number2", 42))))).hasMessage("data.number2 must be a non-empty string");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T",
                "data", Map.of("thing1", " "))))).hasMessage("data.thing1 must be a non-empty string");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T",
                "data", Map.of("thing1", Map.of("value", "hi"))))))
                .hasMessage("data.thing1 must be a non-empty string");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T", "data", data,
                "miniprogram", Map.of("appid", "wxMINI"))))).hasMessage("miniprogram.pagepath is required");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T", "data", data,
                "miniprogram", "pages/x")))).hasMessage("miniprogram must be an object {appid, pagepath}");
        assertThatThrownBy(() -> SubscribeMessages.build(delivery(Map.of("templateId", "T", "data", data,
                "page", 3)))).hasMessage("page must be a string");
        assertThatThrownBy(() -> SubscribeMessages.build(new Delivery(1, 5, "wechat.subscribe", "wxapp", "",
                Map.of("templateId", "T", "data", data)))).hasMessage("recipient openid is required");
    }

    @Test
    void readsTheTemplateIdLeniently() {
        assertThat(SubscribeMessages.templateId(Map.of("templateId", "T"))).isEqualTo("T");
        assertThat(SubscribeMessages.templateId(Map.of("templateId", 7))).isNull();
        assertThat(SubscribeMessages.templateId(Map.of())).isNull();
    }
}

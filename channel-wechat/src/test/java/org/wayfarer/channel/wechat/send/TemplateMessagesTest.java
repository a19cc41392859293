package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.Delivery;

class TemplateMessagesTest {

    @Test
    void buildsTheWholeMessage() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("thing1", "A name well over twenty characters long");
        data.put("amount2", Map.of("value", "¥19.90", "color", "#173177"));
        data.put("number3", 42);

        WxMpTemplateMessage message = TemplateMessages.build(delivery(Map.of(
                "templateId", "TPL_WELCOME",
                "url", "https://brand.example/hi",
                "miniprogram", Map.of("appid", "wxmini", "pagepath", "pages/index?x=1"),
                "data", data)));

        assertThat(message.getToUser()).isEqualTo("oOPENID");
        assertThat(message.getTemplateId()).isEqualTo("TPL_WELCOME");
        assertThat(message.getUrl()).isEqualTo("https://brand.example/hi");
        assertThat(message.getClientMsgId()).isEqualTo("900001");
        assertThat(message.getMiniProgram().getAppid()).isEqualTo("wxmini");
        assertThat(message.getMiniProgram().getPagePath()).isEqualTo("pages/index?x=1");
        assertThat(message.getData()).extracting(WxMpTemplateData::getName, WxMpTemplateData::getValue,
                        WxMpTemplateData::getColor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("thing1", "A name well over twenty characters long", null),
                        org.assertj.core.groups.Tuple.tuple("amount2", "¥19.90", "#173177"),
                        org.assertj.core.groups.Tuple.tuple("number3", "42", null));
        assertThat(message.toJson()).contains("\"client_msg_id\":\"900001\"", "\"pagepath\":\"pages/index?x=1\"",
                "A name well over twenty characters long");
    }

    @Test
    void needsOnlyATemplateId() {
        WxMpTemplateMessage message = TemplateMessages.build(delivery(Map.of("templateId", "TPL")));

        assertThat(message.getUrl()).isNull();
        assertThat(message.getMiniProgram()).isNull();
        assertThat(message.getData()).isEmpty();
    }

    @Test
    void refusesInvalidMessages() {
        assertThatThrownBy(() -> TemplateMessages.build(delivery(Map.of("url", "x"))))
                .hasMessage("templateId is required");
        assertThatThrownBy(() -> TemplateMessages.build(delivery(Map.of("templateId", 7))))
                .hasMessage("templateId must be a string");
        assertThatThrownBy(() -> TemplateMessages.build(delivery(Map.of("templateId", "T", "data", "x"))))
                .hasMessage("data must be an object of name: value");
        assertThatThrownBy(() -> TemplateMessages.build(delivery(Map.of("templateId", "T",
                "data", Map.of("thing1", Map.of("color", "#fff"))))))
                .hasMessage("data.thing1.value is required");
        assertThatThrownBy(() -> TemplateMessages.build(delivery(Map.of("templateId", "T",
                "miniprogram", Map.of("pagepath", "p")))))
                .hasMessage("miniprogram.appid is required");
    }

    private static Delivery delivery(Map<String, Object> message) {
        return new Delivery(900_001L, 1L, "wechat.template", "wx1234567890abcdef", "oOPENID", message);
    }
}

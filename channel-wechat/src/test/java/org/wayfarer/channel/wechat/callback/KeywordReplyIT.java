package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.keyword.KeywordRule;
import org.wayfarer.journey.event.EventTypes;

/**
 * Keyword replies: a text message a rule matches is answered inside the callback response (plain XML, or encrypted
 * as WeChat expects in safe mode) and still becomes {@code wechat.message_received}; anything else gets success.
 */
class KeywordReplyIT extends MpCallbackTestSupport {

    @Autowired
    KeywordReplies replies;

    @BeforeEach
    void rules() {
        List<KeywordRule> rules = List.of(new KeywordRule("优惠券", KeywordRule.Match.CONTAINS, "本周优惠券：回复“领券”"),
                new KeywordRule("HELP", KeywordRule.Match.EXACT, "客服时间 9:00-21:00"));
        replies.replace(PLAIN_TENANT, PLAIN_APP, rules);
        replies.replace(SAFE_TENANT, SAFE_APP, rules);
    }

    /** The accounts are shared with the other callback tests, which expect no rules. */
    @AfterEach
    void noRules() {
        replies.replace(PLAIN_TENANT, PLAIN_APP, List.of());
        replies.replace(SAFE_TENANT, SAFE_APP, List.of());
    }

    @Test
    void aMatchingTextIsAnsweredInThePlainResponseAndStillEntersJourneys() throws Exception {
        HttpResponse<String> response = post(plain.plain(plain.text(OPENID, "有 优惠券 吗", 1001L)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/xml"));
        WxMpXmlMessage reply = WxMpXmlMessage.fromXml(response.body());
        assertThat(reply.getMsgType()).isEqualTo("text");
        assertThat(reply.getContent()).isEqualTo("本周优惠券：回复“领券”");
        assertThat(reply.getToUser()).isEqualTo(OPENID);
        assertThat(reply.getFromUser()).isEqualTo(plain.originalId());
        assertThat(intake.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
            assertThat(event.properties()).containsEntry("content", "有 优惠券 吗");
        });
    }

    @Test
    void inSafeModeTheReplyIsEncryptedAndSignedForTheAccount() throws Exception {
        HttpResponse<String> response = post(safe.encrypted(safe.text(OPENID, " help ", 1002L)));

        assertThat(response.body()).contains("<Encrypt>").doesNotContain("客服时间");
        String plainXml = new WxCryptUtil(SAFE_TOKEN, AES_KEY, SAFE_APP).decryptXml(field(response.body(),
                "MsgSignature"), field(response.body(), "TimeStamp"), field(response.body(), "Nonce"),
                response.body());
        assertThat(WxMpXmlMessage.fromXml(plainXml).getContent()).isEqualTo("客服时间 9:00-21:00");
    }

    @Test
    void anythingElseIsAnsweredSuccess() throws Exception {
        assertThat(post(plain.plain(plain.text(OPENID, "helpful?", 1003L))).body()).isEqualTo("success");
        assertThat(post(plain.plain(plain.click(OPENID, "优惠券"))).body()).isEqualTo("success");
        assertThat(intake.events()).hasSize(2);
    }

    private static String field(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + "><!\\[CDATA\\[(.*?)]]></" + name + ">|<" + name + ">(.*?)</"
                + name + ">").matcher(xml);
        assertThat(matcher.find()).as(name + " in " + xml).isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}

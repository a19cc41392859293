package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * WeChat's official encryption samples as known-answer tests: our fixtures encrypt exactly like WeChat, and our
 * safe-mode decrypt path accepts what WeChat sends.
 */
class WeChatCryptoKnownAnswerTest {

    // Source: WxJava, weixin-java-common/src/test/java/me/chanjar/weixin/common/util/crypto/WxCryptUtilTest.java
    // (github:binarywang/WxJava at 3e48dc7f), which takes them from WeChat's official sample WXBizMsgCryptTest.java
    // (the "cryptoDemo" package of the official-account message encryption docs).
    private static final String SAMPLE_TOKEN = "pamtest";
    private static final String SAMPLE_APP_ID = "wxb11529c136998cb6";
    private static final String SAMPLE_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String SAMPLE_TIMESTAMP = "1409304348";
    private static final String SAMPLE_NONCE = "xxxxxx";
    private static final String SAMPLE_RANDOM = "aaaabbbbccccdddd";
    private static final String SAMPLE_PLAIN = "我是中文abcd123";
    private static final String SAMPLE_CIPHER =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    private static final String SAMPLE_PLAIN_2 = "<xml>"
            + "<ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime>"
            + "<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdU"
            + "kjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description>"
            + "<![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    private static final String SAMPLE_CIPHER_2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1"
            + "qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE"
            + "/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJ"
            + "ucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWV"
            + "INGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8ig"
            + "HngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+h"
            + "KP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";
    // The sample publishes no msg_signature for these values; this one is sha1 of the sorted
    // (token, timestamp, nonce, ciphertext), computed independently of WxJava (Python hashlib).
    private static final String SAMPLE_MSG_SIGNATURE = "82c962d39941aa48552f90ef55aa323dc620cc10";

    // Source: WeChat's official WXBizMsgCrypt sample code, "使用示例二：对用户回复的消息解密" (Sample.cs, Sample.php of
    // the WeCom/enterprise edition, same algorithm): a POST with msg_signature, timestamp and nonce as given.
    private static final String PUSH_TOKEN = "QDG6eK";
    private static final String PUSH_APP_ID = "wx5823bf96d3bd56c7";
    private static final String PUSH_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String PUSH_MSG_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    private static final String PUSH_TIMESTAMP = "1409659813";
    private static final String PUSH_NONCE = "1372623149";
    private static final String PUSH_BODY = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
            + "<Encrypt><![CDATA["
            + "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/s"
            + "YYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZf"
            + "JYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAV"
            + "GUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3"
            + "KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt></xml>";
    private static final String PUSH_PLAIN = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
            + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
            + "<CreateTime>1409659813</CreateTime>\n"
            + "<MsgType><![CDATA[text]]></MsgType>\n"
            + "<Content><![CDATA[hello]]></Content>\n"
            + "<MsgId>4561255354251345929</MsgId>\n"
            + "<AgentID>218</AgentID>\n"
            + "</xml>";

    @Test
    void encryptsLikeTheOfficialSample() {
        WxMpCryptUtil crypt = new WxMpCryptUtil(config(SAMPLE_APP_ID, SAMPLE_TOKEN, SAMPLE_AES_KEY));

        assertThat(crypt.encrypt(SAMPLE_RANDOM, SAMPLE_PLAIN)).isEqualTo(SAMPLE_CIPHER);
        assertThat(crypt.encrypt(SAMPLE_RANDOM, SAMPLE_PLAIN_2)).isEqualTo(SAMPLE_CIPHER_2);
    }

    @Test
    void fixtureBuildsCiphertextLikeTheOfficialSample() {
        byte[] plain = SAMPLE_PLAIN.getBytes(StandardCharsets.UTF_8);
        byte[] plain2 = SAMPLE_PLAIN_2.getBytes(StandardCharsets.UTF_8);

        assertThat(WeChatCallbacks.cipherText(SAMPLE_AES_KEY, SAMPLE_APP_ID, SAMPLE_RANDOM, plain, plain.length))
                .isEqualTo(SAMPLE_CIPHER);
        assertThat(WeChatCallbacks.cipherText(SAMPLE_AES_KEY, SAMPLE_APP_ID, SAMPLE_RANDOM, plain2, plain2.length))
                .isEqualTo(SAMPLE_CIPHER_2);
    }

    @Test
    void decryptPathAcceptsTheOfficialSampleCiphertext() throws Exception {
        WxMpDefaultConfigImpl config = config(SAMPLE_APP_ID, SAMPLE_TOKEN, SAMPLE_AES_KEY);
        String envelope = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[" + SAMPLE_CIPHER
                + "]]></Encrypt></xml>";

        assertThat(MpCallbackCrypto.open(config, SAMPLE_TIMESTAMP, SAMPLE_NONCE, SAMPLE_MSG_SIGNATURE, envelope))
                .isEqualTo(SAMPLE_PLAIN);
    }

    @Test
    void decryptPathAcceptsTheOfficialSamplePush() throws Exception {
        WxMpDefaultConfigImpl config = config(PUSH_APP_ID, PUSH_TOKEN, PUSH_AES_KEY);

        String plain = MpCallbackCrypto.open(config, PUSH_TIMESTAMP, PUSH_NONCE, PUSH_MSG_SIGNATURE, PUSH_BODY);

        assertThat(plain).isEqualTo(PUSH_PLAIN);
        ContactEvent event = new MpMessageMapper().map(1L, PUSH_APP_ID, WxMpXmlMessage.fromXml(plain));
        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.identity().value()).isEqualTo("mycreate");
        assertThat(event.dedupeKey()).isEqualTo("msg:4561255354251345929");
        assertThat(event.properties()).isEqualTo(
                Map.of("msgType", "text", "content", "hello", "msgId", "4561255354251345929"));
    }

    @Test
    void rejectsTheOfficialSamplePushWithAnyOtherSignatureInput() {
        WxMpDefaultConfigImpl config = config(PUSH_APP_ID, PUSH_TOKEN, PUSH_AES_KEY);

        assertThatThrownBy(() -> MpCallbackCrypto.open(config, "1409659814", PUSH_NONCE, PUSH_MSG_SIGNATURE, PUSH_BODY))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(403));
        WxMpDefaultConfigImpl otherToken = config(PUSH_APP_ID, "QDG6eL", PUSH_AES_KEY);
        assertThatThrownBy(() -> MpCallbackCrypto.open(otherToken, PUSH_TIMESTAMP, PUSH_NONCE, PUSH_MSG_SIGNATURE,
                PUSH_BODY)).isInstanceOfSatisfying(CallbackRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void checksPlainSignaturesOverTokenTimestampAndNonce() {
        // sha1 of the sorted (token, timestamp, nonce) concatenated, computed independently (Python hashlib)
        String signature = "76480565cbe296026c53aaacd1ad523a1ddba24f";

        assertThat(MpCallbackCrypto.signatureMatches(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE, signature)).isTrue();
        assertThat(MpCallbackCrypto.signatureMatches(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, "xxxxxy", signature)).isFalse();
        assertThat(MpCallbackCrypto.signatureMatches("pamtesT", SAMPLE_TIMESTAMP, SAMPLE_NONCE, signature)).isFalse();
        assertThat(MpCallbackCrypto.signatureMatches(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE, "76480565"))
                .isFalse();
    }

    private static WxMpDefaultConfigImpl config(String appId, String token, String aesKey) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appId);
        config.setToken(token);
        config.setAesKey(aesKey);
        return config;
    }
}

package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CallbackXmlTest {

    @Test
    void findsDoctypeInTheProlog() {
        assertThat(CallbackXml.declaresDoctype("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml/>"))
                .isTrue();
        assertThat(CallbackXml.declaresDoctype("<?xml version=\"1.0\"?>\n<!doctype xml><xml/>")).isTrue();
        assertThat(CallbackXml.declaresDoctype("\uFEFF <!-- c --><?pi x?> <!ENTITY x \"y\"><xml/>")).isTrue();
    }

    @Test
    void acceptsDocumentsWithoutDoctype() {
        assertThat(CallbackXml.declaresDoctype("<xml><Content><![CDATA[<!DOCTYPE html>]]></Content></xml>"))
                .isFalse();
        assertThat(CallbackXml.declaresDoctype("<?xml version=\"1.0\"?><!-- <!DOCTYPE --><xml/>")).isFalse();
        assertThat(CallbackXml.declaresDoctype("")).isFalse();
        assertThat(CallbackXml.declaresDoctype("not xml")).isFalse();
    }

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        assertThat(CallbackXml.readBody(stream("12345"), 5, 5)).isEqualTo("12345");
        assertThat(CallbackXml.readBody(stream("中文"), -1, 6)).isEqualTo("中文");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        AtomicLong read = new AtomicLong();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };

        assertThatThrownBy(() -> CallbackXml.readBody(counting, 6, 5))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(read).hasValue(0);
    }

    @Test
    void stopsReadingAnUndeclaredBodyJustPastTheLimit() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };

        assertThatThrownBy(() -> CallbackXml.readBody(endless, -1, 1024))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(read.get()).isEqualTo(1025);
    }

    @Test
    void extractsTheEncryptedPart() throws Exception {
        String envelope = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName>\n<Encrypt><![CDATA[abc+/=]]></Encrypt></xml>";

        assertThat(CallbackXml.encryptedPart(envelope)).isEqualTo("abc+/=");
    }

    @Test
    void refusesEnvelopesWithoutEncryptOrMalformed() {
        assertThatThrownBy(() -> CallbackXml.encryptedPart("<xml><ToUserName>x</ToUserName></xml>"))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> CallbackXml.encryptedPart("<xml><Encrypt>abc</xml>"))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> CallbackXml.encryptedPart("<xml><a><Encrypt>nested</Encrypt></a></xml>"))
                .isInstanceOf(CallbackRejectedException.class);
    }

    @Test
    void screenAcceptsWeChatPushesUpToTheDepthLimitAndReturnsTheRootsLeafFields() throws Exception {
        Map<String, String> fields = CallbackXml.screen("<xml><MsgID>200163836</MsgID><SendPicsInfo><Count>1</Count>"
                + "<PicList><item><PicMd5Sum><![CDATA[a]]></PicMd5Sum></item></PicList></SendPicsInfo>"
                + "<Content>&lt;b&gt; &amp; <![CDATA[x]]>&#20013; </Content><!-- c --><Status/><MsgID>2</MsgID></xml>");

        assertThat(fields).containsExactly(Map.entry("MsgID", "200163836"), Map.entry("Content", "<b> & x中"),
                Map.entry("Status", ""));
        CallbackXml.screen(nested(CallbackXml.MAX_DEPTH));
    }

    @Test
    void theEnvelopeIsScreenedWhileItsEncryptIsRead() {
        assertBadRequest(() -> CallbackXml.encryptedPart("<!DOCTYPE xml><xml><Encrypt>abc</Encrypt></xml>"),
                "DOCTYPE is not allowed");
        assertBadRequest(() -> CallbackXml.encryptedPart("<xml><Encrypt>abc</Encrypt><a>&b;</a></xml>"), null);
        assertBadRequest(() -> CallbackXml.encryptedPart("<xml><Encrypt>abc</Encrypt><a></xml>"), "malformed XML");
    }

    @Test
    void screenRefusesNestingBeyondTheLimitWithoutRecursing() {
        assertBadRequest(() -> CallbackXml.screen(nested(CallbackXml.MAX_DEPTH + 1)),
                "XML nested deeper than 32 levels");
        assertBadRequest(() -> CallbackXml.screen(nested(1_000_000)), "XML nested deeper than 32 levels");
        assertBadRequest(() -> CallbackXml.screen("<a>".repeat(100_000)), "XML nested deeper than 32 levels");
    }

    @Test
    void screenRefusesDoctypeEntitiesAndMalformedXml() {
        String laughs = "<!DOCTYPE xml [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><xml>&b;</xml>";

        assertBadRequest(() -> CallbackXml.screen(laughs), "DOCTYPE is not allowed");
        assertBadRequest(() -> CallbackXml.screen("<xml>&b;</xml>"), null);
        assertBadRequest(() -> CallbackXml.screen("<xml><a></xml>"), "malformed XML");
        assertBadRequest(() -> CallbackXml.screen(""), "malformed XML");
        assertBadRequest(() -> CallbackXml.screen("not xml"), "malformed XML");
    }

    @Test
    void refusesDeepEnvelopes() {
        String envelope = "<xml><Encrypt>abc</Encrypt>" + nested(100_000) + "</xml>";

        assertBadRequest(() -> CallbackXml.encryptedPart(envelope), "XML nested deeper than 32 levels");
    }

    @Test
    void parsesQueryStringsOnly() throws Exception {
        assertThat(QueryParameters.parse("signature=ab&timestamp=1&nonce=2&openid=o%2B1&signature=zz&flag"))
                .containsEntry("signature", "ab")
                .containsEntry("openid", "o+1")
                .containsEntry("flag", "")
                .hasSize(5);
        assertThat(QueryParameters.parse(null)).isEmpty();
        assertThatThrownBy(() -> QueryParameters.parse("a=%zz"))
                .isInstanceOfSatisfying(CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    /** {@code reason == null}: any reason; the reason never quotes the document. */
    private static void assertBadRequest(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            if (reason != null) {
                assertThat(e.reason()).isEqualTo(reason);
            }
        });
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
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

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

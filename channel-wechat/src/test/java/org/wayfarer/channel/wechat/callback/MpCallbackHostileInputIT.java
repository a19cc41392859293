package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfarer.journey.event.ContactEvent;

/**
 * Correctly signed callbacks whose content is hostile or absurd (CreateTime out of range, XML nested deep enough to
 * overflow a recursive parser, entity expansion, an Encrypt that lies about its length or is not ciphertext at all):
 * each gets a 4xx, never a 5xx, and nothing reaches the event intake.
 */
class MpCallbackHostileInputIT extends MpCallbackTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "-1", "-9223372036854775808", "1", "99999999999999999999",
            "9223372036854775807", "31556889864403199", "253402300799", "4102444800"})
    void rejectsSignedCallbackWhoseCreateTimeIsOutOfRange(String createTime) throws Exception {
        String plainXml = withCreateTime(plain.subscribe(OPENID), createTime);
        String safeXml = withCreateTime(safe.text(OPENID, "hi", 77L), createTime);

        assertRejected(post(plain.plain(plainXml)), 400);
        assertRejected(post(safe.encrypted(safeXml)), 400);
    }

    @Test
    void acceptsCreateTimeSomewhatInThePastOrSlightlyAhead() throws Exception {
        long anHourAgo = clock.instant().minus(Duration.ofHours(1)).getEpochSecond();
        long fourMinutesAhead = clock.instant().plus(Duration.ofMinutes(4)).getEpochSecond();

        assertThat(post(plain.plain(withCreateTime(plain.subscribe(OPENID), Long.toString(anHourAgo))))
                .statusCode()).isEqualTo(200);
        assertThat(post(safe.encrypted(withCreateTime(safe.subscribe(OPENID), Long.toString(fourMinutesAhead))))
                .statusCode()).isEqualTo(200);
        assertThat(intake.events()).extracting(ContactEvent::occurredAt).containsExactly(
                Instant.ofEpochSecond(anHourAgo), Instant.ofEpochSecond(fourMinutesAhead));
    }

    @Test
    void rejectsXmlNestedDeepEnoughToOverflowTheStack() throws Exception {
        String deep = plain.subscribe(OPENID).replace("</xml>", nested(100_000) + "</xml>");

        assertRejected(post(plain.plain(deep)), 400);
        assertRejected(post(safe.encrypted(deep)), 400);
        String deepEnvelope = safe.encrypted(safe.subscribe(OPENID)).body().replace("</xml>", nested(100_000)
                + "</xml>");
        assertRejected(post(safe.encrypted(safe.subscribe(OPENID)).withBody(deepEnvelope)), 400);
    }

    @Test
    void rejectsXmlNestedBeyondTheLimitButAcceptsWeChatsOwnDepth() throws Exception {
        String tooDeep = plain.subscribe(OPENID).replace("</xml>", nested(64) + "</xml>");
        String popup = plain.subscribe(OPENID).replace("</xml>", "<SubscribeMsgPopupEvent><List>"
                + "<TemplateId><![CDATA[T1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]>"
                + "</SubscribeStatusString></List></SubscribeMsgPopupEvent></xml>");

        assertRejected(post(plain.plain(tooDeep)), 400);
        assertThat(post(plain.plain(popup)).statusCode()).isEqualTo(200);
        assertThat(intake.events()).hasSize(1);
    }

    @Test
    void keepsRefusingEntityExpansion() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + plain.text(OPENID, "x", 5L).replace("<![CDATA[x]]>", "&c;");
        String undeclared = plain.text(OPENID, "x", 6L).replace("<![CDATA[x]]>", "&c;");

        assertRejected(post(plain.plain(laughs)), 400);
        assertRejected(post(safe.encrypted(laughs)), 400);
        assertRejected(post(plain.plain(undeclared)), 400);
        assertRejected(post(safe.encrypted(undeclared)), 400);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE - 20, Integer.MAX_VALUE, 1 << 30, -1, Integer.MIN_VALUE})
    void rejectsEncryptThatDeclaresAnAbsurdLength(int declaredLength) throws Exception {
        assertRejected(post(safe.encryptedDeclaringLength(safe.subscribe(OPENID), declaredLength)), 400);
    }

    @Test
    void rejectsEncryptThatDeclaresOneByteTooMany() throws Exception {
        String xml = safe.subscribe(OPENID);
        int length = xml.getBytes(StandardCharsets.UTF_8).length;

        assertRejected(post(safe.encryptedDeclaringLength(xml, length + SAFE_APP.length() + 1)), 400);
        assertThat(post(safe.encryptedDeclaringLength(xml, length)).statusCode()).isEqualTo(200);
        assertThat(intake.events()).hasSize(1);
    }

    @Test
    void rejectsEncryptThatIsNotBase64OrNotWholeAesBlocks() throws Exception {
        assertRejected(post(safe.encryptedAs("not base64 at all!")), 400);
        assertRejected(post(safe.encryptedAs("****")), 400);
        assertRejected(post(safe.encryptedAs(Base64.getEncoder().encodeToString(new byte[31]))), 400);
        assertRejected(post(safe.encryptedAs(Base64.getEncoder().encodeToString(new byte[16]))), 400);
    }

    private static String withCreateTime(String xml, String createTime) {
        return xml.replaceFirst("<CreateTime>\\d+</CreateTime>", "<CreateTime>" + createTime + "</CreateTime>");
    }

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }
}

package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;

/** Recorded pushes under {@code src/test/resources/wxmp/}, parsed by WxJava as the endpoint does, then mapped. */
class MpMessageMapperTest {

    private static final long TENANT = 7;
    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oMgHVjngRipVsoxg6TuX3vz6glDg";
    private static final Identity IDENTITY = Identity.wechatOpenid(APP_ID, OPENID);
    private static final String TICKET =
            "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==";

    private final MpMessageMapper mapper = new MpMessageMapper();

    @Test
    void mapsFollowThroughQrCodeWithSceneWithoutPrefix() {
        ContactEvent event = map("subscribe-with-qrscene.xml").orElseThrow();

        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(event.source()).isEqualTo(APP_ID);
        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_FOLLOWED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.unionid()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772352000L));
        assertThat(event.properties()).isEqualTo(Map.of("scene", "store_42", "ticket", TICKET));
        assertThat(event.attributes()).isEmpty();
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352000:subscribe:qrscene_store_42");
    }

    @Test
    void mapsPlainFollowWithoutScene() {
        ContactEvent event = map("subscribe.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_FOLLOWED);
        assertThat(event.properties()).isEmpty();
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352001:subscribe:");
    }

    @Test
    void mapsUnfollow() {
        ContactEvent event = map("unsubscribe.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_UNFOLLOWED);
        assertThat(event.properties()).isEmpty();
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352002:unsubscribe:");
    }

    @Test
    void mapsQrScanOfExistingFollower() {
        ContactEvent event = map("scan.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_QR_SCANNED);
        assertThat(event.properties()).isEqualTo(Map.of("scene", "store_42", "ticket", TICKET));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352003:SCAN:store_42");
    }

    @Test
    void mapsMenuClick() {
        ContactEvent event = map("click.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_CLICKED);
        assertThat(event.properties()).isEqualTo(Map.of("key", "MENU_COUPON"));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352004:CLICK:MENU_COUPON");
    }

    @Test
    void mapsMenuLinkOpened() {
        ContactEvent event = map("view.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_VIEWED);
        assertThat(event.properties()).isEqualTo(Map.of("url", "https://brand.example/members?from=menu"));
        assertThat(event.dedupeKey())
                .isEqualTo("evt:" + OPENID + ":1772352005:VIEW:https://brand.example/members?from=menu");
    }

    @Test
    void mapsTextMessage() {
        ContactEvent event = map("text.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties())
                .isEqualTo(Map.of("msgType", "text", "content", "会员卡怎么领？", "msgId", "24437412385123456"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123456");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772352006L));
    }

    @Test
    void mapsTemplateDeliveryResult() {
        ContactEvent event = map("template-send-job-finish.xml").orElseThrow();

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_TEMPLATE_DELIVERED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.properties()).isEqualTo(Map.of("msgId", "200163836", "status", "failed:user block"));
        assertThat(event.dedupeKey()).isEqualTo("tpl:200163836");
    }

    @Test
    void ignoresTypesTheEngineDoesNotConsume() {
        assertThat(map("image.xml")).isEmpty();
        assertThat(map("location-event.xml")).isEmpty();
    }

    @Test
    void keepsLongEventKeysOutOfTheDedupeKey() {
        String url = "https://brand.example/" + "a".repeat(400);

        String key = MpMessageMapper.eventDedupeKey(OPENID, 1772352005L, "VIEW", url);

        assertThat(key).hasSizeLessThanOrEqualTo(255)
                .startsWith("evt:" + OPENID + ":1772352005:VIEW:sha256:")
                .isEqualTo(MpMessageMapper.eventDedupeKey(OPENID, 1772352005L, "VIEW", url))
                .isNotEqualTo(MpMessageMapper.eventDedupeKey(OPENID, 1772352005L, "VIEW", url + "b"));
    }

    @Test
    void refusesPushWithoutSenderOrTime() {
        WxMpXmlMessage noSender = WxMpXmlMessage.fromXml(fixture("click.xml").replaceAll(
                "<FromUserName>.*</FromUserName>", ""));
        WxMpXmlMessage noTime = WxMpXmlMessage.fromXml(fixture("click.xml").replaceAll(
                "<CreateTime>.*</CreateTime>", ""));

        assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, noSender)).hasMessage("FromUserName is missing");
        assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, noTime)).hasMessage("CreateTime is missing");
    }

    @Test
    void refusesCreateTimeTheEventStoreCannotHold() {
        for (String createTime : new String[] {"-1", "253402300800", "9223372036854775807", "-9223372036854775808"}) {
            WxMpXmlMessage message = WxMpXmlMessage.fromXml(fixture("click.xml").replaceAll(
                    "<CreateTime>.*</CreateTime>", "<CreateTime>" + createTime + "</CreateTime>"));

            assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, message)).as(createTime)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("CreateTime is out of range");
        }
        WxMpXmlMessage lastSecondOf9999 = WxMpXmlMessage.fromXml(fixture("click.xml").replaceAll(
                "<CreateTime>.*</CreateTime>", "<CreateTime>253402300799</CreateTime>"));
        assertThat(mapper.map(TENANT, APP_ID, lastSecondOf9999).orElseThrow().occurredAt())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    private Optional<ContactEvent> map(String fixture) {
        return mapper.map(TENANT, APP_ID, WxMpXmlMessage.fromXml(fixture(fixture)));
    }

    static String fixture(String name) {
        try (InputStream in = MpMessageMapperTest.class.getResourceAsStream("/wxmp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.channel.wechat.callback.MpFixtures.APP_ID;
import static org.wayfarer.channel.wechat.callback.MpFixtures.IDENTITY;
import static org.wayfarer.channel.wechat.callback.MpFixtures.OPENID;
import static org.wayfarer.channel.wechat.callback.MpFixtures.TENANT;
import static org.wayfarer.channel.wechat.callback.MpFixtures.fixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapFixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapXml;

import java.time.Instant;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * Recorded pushes under {@code src/test/resources/wxmp/}, parsed by WxJava as the endpoint does, then mapped: the
 * checks every push passes, follows, QR scans, clicks, links, template results and every message type.
 */
class MpMessageMapperTest {

    private static final String TICKET =
            "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==";

    private final MpMessageMapper mapper = new MpMessageMapper();

    @Test
    void mapsFollowThroughQrCodeWithSceneWithoutPrefix() {
        ContactEvent event = mapFixture("subscribe-with-qrscene.xml");

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
        ContactEvent event = mapFixture("subscribe.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_FOLLOWED);
        assertThat(event.properties()).isEmpty();
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352001:subscribe:");
    }

    @Test
    void mapsUnfollow() {
        ContactEvent event = mapFixture("unsubscribe.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_UNFOLLOWED);
        assertThat(event.properties()).isEmpty();
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352002:unsubscribe:");
    }

    @Test
    void mapsQrScanOfExistingFollower() {
        ContactEvent event = mapFixture("scan.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_QR_SCANNED);
        assertThat(event.properties()).isEqualTo(Map.of("scene", "store_42", "ticket", TICKET));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352003:SCAN:store_42");
    }

    @Test
    void mapsMenuClick() {
        ContactEvent event = mapFixture("click.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_CLICKED);
        assertThat(event.properties()).isEqualTo(Map.of("key", "MENU_COUPON"));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352004:CLICK:MENU_COUPON");
    }

    @Test
    void mapsMenuLinkOpenedWithItsMenuId() {
        ContactEvent event = mapFixture("view.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_VIEWED);
        assertThat(event.properties())
                .isEqualTo(Map.of("url", "https://brand.example/members?from=menu", "menuId", 208379533L));
        assertThat(event.dedupeKey())
                .isEqualTo("evt:" + OPENID + ":1772352005:VIEW:https://brand.example/members?from=menu");
    }

    @Test
    void mapsTemplateDeliveryResult() {
        ContactEvent event = mapFixture("template-send-job-finish.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_TEMPLATE_DELIVERED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.properties()).isEqualTo(Map.of("msgId", "200163836", "status", "failed:user block"));
        assertThat(event.dedupeKey()).isEqualTo("tpl:200163836");
    }

    @Test
    void mapsTextMessage() {
        ContactEvent event = mapFixture("text.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties())
                .isEqualTo(Map.of("msgType", "text", "content", "会员卡怎么领？", "msgId", "24437412385123456"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123456");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772352006L));
    }

    @Test
    void mapsImageMessage() {
        ContactEvent event = mapFixture("image.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.properties()).isEqualTo(Map.of("msgType", "image",
                "picUrl", "http://mmbiz.qpic.cn/mmbiz_jpg/example/0", "mediaId", "media_id_1",
                "msgId", "24437412385123457"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123457");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772352008L));
    }

    @Test
    void mapsVoiceMessageWithAndWithoutRecognition() {
        ContactEvent plain = mapFixture("voice.xml");
        ContactEvent recognised = mapFixture("voice-recognition.xml");

        assertThat(plain.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(plain.properties()).isEqualTo(Map.of("msgType", "voice",
                "mediaId", "Kx5oHH0YB3XIT7cgsXL4rJ1kEBwVLbfvzsbLDB2o1T8Z7RNzHaPhAZqYFUGmfRi_", "format", "amr",
                "msgId", "24437412385123458"));
        assertThat(plain.dedupeKey()).isEqualTo("msg:24437412385123458");
        assertThat(recognised.properties()).isEqualTo(Map.of("msgType", "voice",
                "mediaId", "Kx5oHH0YB3XIT7cgsXL4rJ1kEBwVLbfvzsbLDB2o1T8Z7RNzHaPhAZqYFUGmfRi_", "format", "amr",
                "recognition", "会员卡怎么领？", "msgId", "24437412385123459"));
        assertThat(recognised.dedupeKey()).isEqualTo("msg:24437412385123459");
    }

    @Test
    void mapsVideoAndShortVideoMessages() {
        ContactEvent video = mapFixture("video.xml");
        ContactEvent shortVideo = mapFixture("shortvideo.xml");

        assertThat(video.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(video.properties()).isEqualTo(Map.of("msgType", "video",
                "mediaId", "sA0kD9TGJ4nj2Ty5dGz3BVWp1bH8-HS6ue-IgOWWdpfN3vcGPCzc6NJ-mNHvjP8b",
                "thumbMediaId", "uR0IcUJSo69zHpb3gIzcFRmGs5ZzAy_gLWFlTN0nGDOiqPGz9BnGsWvS31C-ODsf",
                "msgId", "24437412385123460"));
        assertThat(video.dedupeKey()).isEqualTo("msg:24437412385123460");
        assertThat(shortVideo.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(shortVideo.properties()).isEqualTo(Map.of("msgType", "shortvideo",
                "mediaId", "rqaBp9xQhT3uGnhVRmQ1hmG8FS0PPgMn6mHQVgVYxHNKoi4xEdGLQbp_PATf8x6B",
                "thumbMediaId", "UOQ7v0tZCmKAoS2eqKhGMNt_bo2CWIf0wZPSWTiLWDyvY5yqk1i5Xm8xH1b3Q4eK",
                "msgId", "24437412385123461"));
        assertThat(shortVideo.dedupeKey()).isEqualTo("msg:24437412385123461");
    }

    @Test
    void mapsLocationMessageWithNumbersAsNumbers() {
        ContactEvent event = mapFixture("location.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("msgType", "location", "latitude", 23.134521,
                "longitude", 113.358803, "scale", 20.0, "label", "广州市天河区天河路385号",
                "msgId", "24437412385123462"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123462");
    }

    @Test
    void mapsLinkMessage() {
        ContactEvent event = mapFixture("link.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("msgType", "link", "title", "春季会员日",
                "description", "到店出示会员卡，全场九折", "url", "https://mp.weixin.qq.com/s/Ai0uZ7Hq3fF1m8cXlH2bQw",
                "msgId", "24437412385123463"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123463");
    }

    @Test
    void keepsAMessageOfAnUnknownTypeWithItsTypeAndId() {
        ContactEvent event = mapXml(fixture("text.xml")
                .replace("<![CDATA[text]]>", "<![CDATA[miniprogrampage]]>")
                .replaceAll("<Content>.*</Content>", "<Title><![CDATA[会员中心]]></Title>"));

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("msgType", "miniprogrampage", "msgId", "24437412385123456"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123456");
    }

    @Test
    void keysAMessageOfAnUnknownTypeWithoutMsgIdBySenderTimeAndType() {
        ContactEvent event = mapXml(fixture("text.xml")
                .replace("<![CDATA[text]]>", "<![CDATA[device_text]]>")
                .replaceAll("<MsgId>.*</MsgId>", ""));

        assertThat(event.properties()).isEqualTo(Map.of("msgType", "device_text"));
        assertThat(event.dedupeKey()).isEqualTo("msg:" + OPENID + ":1772352006:device_text");
    }

    @Test
    void refusesAKnownMessageTypeWithoutMsgId() {
        WxMpXmlMessage noId = MpFixtures.parse(fixture("image.xml").replaceAll("<MsgId>.*</MsgId>", ""));

        assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, noId)).hasMessage("MsgId is missing");
    }

    @Test
    void refusesTypeNamesTooLongForADedupeKey() {
        String longName = "x".repeat(65);
        WxMpXmlMessage event = MpFixtures.parse(fixture("click.xml").replace("CLICK", longName));
        WxMpXmlMessage message = MpFixtures.parse(fixture("text.xml").replace("<![CDATA[text]]>",
                "<![CDATA[" + longName + "]]>"));

        assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, event))
                .hasMessage("Event is longer than 64 characters");
        assertThatThrownBy(() -> mapper.map(TENANT, APP_ID, message))
                .hasMessage("MsgType is longer than 64 characters");
        assertThat(mapXml(fixture("click.xml").replace("CLICK", "x".repeat(64))).dedupeKey()).hasSizeLessThan(255);
    }

    @Test
    void keepsLongEventKeysOutOfTheDedupeKey() {
        String url = "https://brand.example/" + "a".repeat(400);
        MpPush push = new MpPush(TENANT, APP_ID, OPENID, 1772352005L);

        String key = push.eventKey("VIEW", url);

        assertThat(key).hasSizeLessThanOrEqualTo(255)
                .startsWith("evt:" + OPENID + ":1772352005:VIEW:sha256:")
                .isEqualTo(push.eventKey("VIEW", url))
                .isNotEqualTo(push.eventKey("VIEW", url + "b"));
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
        assertThat(mapper.map(TENANT, APP_ID, lastSecondOf9999).occurredAt())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }
}

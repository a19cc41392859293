package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.channel.wechat.callback.MpFixtures.IDENTITY;
import static org.wayfarer.channel.wechat.callback.MpFixtures.OPENID;
import static org.wayfarer.channel.wechat.callback.MpFixtures.fixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapFixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapXml;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/** Location reports, the menu's scan, photo, location and mini-program buttons, and events of no known type. */
class MpEventMapperTest {

    @Test
    void mapsLocationReport() {
        ContactEvent event = mapFixture("location-event.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_LOCATION_REPORTED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772352009L));
        assertThat(event.properties())
                .isEqualTo(Map.of("latitude", 23.137466, "longitude", 113.352425, "precision", 119.38504));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352009:LOCATION:");
    }

    @Test
    void mapsMenuScanThatWeChatOpensAndOneThatWaitsForTheAccount() {
        ContactEvent push = mapFixture("scancode-push.xml");
        ContactEvent waitmsg = mapFixture("scancode-waitmsg.xml");

        assertThat(push.type()).isEqualTo(EventTypes.WECHAT_MENU_SCANNED);
        assertThat(push.properties()).isEqualTo(Map.of("event", "scancode_push", "key", "MENU_SCAN",
                "scanType", "qrcode", "scanResult", "https://brand.example/store/42"));
        assertThat(push.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352016:scancode_push:MENU_SCAN");
        assertThat(waitmsg.type()).isEqualTo(EventTypes.WECHAT_MENU_SCANNED);
        assertThat(waitmsg.properties()).isEqualTo(Map.of("event", "scancode_waitmsg", "key", "MENU_SCAN_RECEIPT",
                "scanType", "barcode", "scanResult", "EAN_13,6901234567892"));
        assertThat(waitmsg.dedupeKey())
                .isEqualTo("evt:" + OPENID + ":1772352017:scancode_waitmsg:MENU_SCAN_RECEIPT");
    }

    @Test
    void mapsMenuPhotosOfEachKind() {
        ContactEvent camera = mapFixture("pic-sysphoto.xml");
        ContactEvent album = mapFixture("pic-photo-or-album.xml");
        ContactEvent weixin = mapFixture("pic-weixin.xml");

        assertThat(camera.type()).isEqualTo(EventTypes.WECHAT_MENU_PHOTO_SENT);
        assertThat(camera.properties()).isEqualTo(Map.of("event", "pic_sysphoto", "key", "MENU_PHOTO", "count", 1L));
        assertThat(camera.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352018:pic_sysphoto:MENU_PHOTO");
        // two PicList elements on their own lines: the endpoint's parse merges them as WxJava's does adjacent ones
        assertThat(album.type()).isEqualTo(EventTypes.WECHAT_MENU_PHOTO_SENT);
        assertThat(album.properties())
                .isEqualTo(Map.of("event", "pic_photo_or_album", "key", "MENU_PHOTO", "count", 2L));
        assertThat(album.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352019:pic_photo_or_album:MENU_PHOTO");
        assertThat(weixin.properties()).isEqualTo(Map.of("event", "pic_weixin", "key", "MENU_PHOTO", "count", 1L));
        assertThat(weixin.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352020:pic_weixin:MENU_PHOTO");
    }

    @Test
    void mapsMenuLocationWithItsTextCoordinatesAsNumbers() {
        ContactEvent event = mapFixture("location-select.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_LOCATION_SENT);
        assertThat(event.properties()).isEqualTo(Map.of("key", "MENU_NEAREST_STORE", "latitude", 23.137466,
                "longitude", 113.352425, "scale", 15.0, "label", " 广州市海珠区客村艺苑路 106号"));
        assertThat(event.dedupeKey())
                .isEqualTo("evt:" + OPENID + ":1772352021:location_select:MENU_NEAREST_STORE");
    }

    @Test
    void leavesOutMenuCoordinatesThatAreNotFiniteNumbers() {
        String xml = fixture("location-select.xml")
                .replace("<![CDATA[23.137466]]>", "<![CDATA[NaN]]>")
                .replace("<![CDATA[113.352425]]>", "<![CDATA[1e999]]>")
                .replace("<![CDATA[15]]>", "<![CDATA[" + "9".repeat(40) + "]]>")
                .replace("<Poiname><![CDATA[]]></Poiname>", "<Poiname><![CDATA[天河城]]></Poiname>");

        assertThat(mapXml(xml).properties()).isEqualTo(Map.of("key", "MENU_NEAREST_STORE",
                "label", " 广州市海珠区客村艺苑路 106号", "poiname", "天河城"));
    }

    @Test
    void mapsMiniProgramMenuAsAViewedMenu() {
        ContactEvent event = mapFixture("view-miniprogram.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_VIEWED);
        assertThat(event.properties()).isEqualTo(Map.of("miniprogram", true, "pagepath", "pages/member/index",
                "menuId", 208379534L));
        assertThat(event.dedupeKey())
                .isEqualTo("evt:" + OPENID + ":1772352022:view_miniprogram:pages/member/index");
    }

    @Test
    void keepsAnEventOfNoKnownTypeWithItsName() {
        ContactEvent event = mapFixture("user-view-card.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_EVENT_RECEIVED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.properties()).isEqualTo(Map.of("event", "user_view_card"));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352029:user_view_card:");
    }

    @Test
    void keepsTheEventKeyOfAnEventOfNoKnownType() {
        ContactEvent event = mapXml(fixture("click.xml").replace("CLICK", "some_future_event"));

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_EVENT_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("event", "some_future_event", "eventKey", "MENU_COUPON"));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352004:some_future_event:MENU_COUPON");
    }

    @Test
    void readsEventNamesInAnyCase() {
        ContactEvent event = mapXml(fixture("location-event.xml").replace("LOCATION", "location"));

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_LOCATION_REPORTED);
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352009:location:");
    }
}

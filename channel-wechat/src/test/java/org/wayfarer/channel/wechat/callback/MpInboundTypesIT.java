package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.channel.wechat.callback.MpFixtures.fixture;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;

/**
 * The recorded pushes of every inbound type, encrypted and signed as WeChat sends them in safe mode, through the real
 * servlet to the event intake: each arrives with its type and properties, and none is answered without being stored.
 */
class MpInboundTypesIT extends MpCallbackTestSupport {

    private static final Identity SENDER = Identity.wechatOpenid(SAFE_APP, MpFixtures.OPENID);

    @Test
    void publishesAnImageMessage() throws Exception {
        ContactEvent event = deliver("image.xml");

        assertThat(event.tenantId()).isEqualTo(SAFE_TENANT);
        assertThat(event.source()).isEqualTo(SAFE_APP);
        assertThat(event.identity()).isEqualTo(SENDER);
        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("msgType", "image",
                "picUrl", "http://mmbiz.qpic.cn/mmbiz_jpg/example/0", "mediaId", "media_id_1",
                "msgId", "24437412385123457"));
        assertThat(event.dedupeKey()).isEqualTo("msg:24437412385123457");
    }

    @Test
    void publishesALocationMessageAndALocationReport() throws Exception {
        ContactEvent message = deliver("location.xml");
        intake.clear();
        ContactEvent report = deliver("location-event.xml");

        assertThat(message.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
        assertThat(message.properties()).isEqualTo(Map.of("msgType", "location", "latitude", 23.134521,
                "longitude", 113.358803, "scale", 20.0, "label", "广州市天河区天河路385号",
                "msgId", "24437412385123462"));
        assertThat(report.type()).isEqualTo(EventTypes.WECHAT_LOCATION_REPORTED);
        assertThat(report.properties())
                .isEqualTo(Map.of("latitude", 23.137466, "longitude", 113.352425, "precision", 119.38504));
    }

    @Test
    void publishesACardReceivedAndRedeemedAndStoresARetriedReceiptOnce() throws Exception {
        SignedCallback receipt = safe.encrypted(fixture("user-get-card.xml"));

        assertThat(post(receipt).body()).isEqualTo("success");
        assertThat(post(receipt).body()).isEqualTo("success");
        assertThat(post(safe.encrypted(fixture("user-consume-card.xml"))).body()).isEqualTo("success");

        assertThat(intake.calls()).isEqualTo(3);
        assertThat(intake.events()).extracting(ContactEvent::type)
                .containsExactly(EventTypes.WECHAT_CARD_RECEIVED, EventTypes.WECHAT_CARD_REDEEMED);
        assertThat(intake.events().get(0).properties()).isEqualTo(Map.of("cardId", "pZI8Fjwsy5fVPRBeD78J4RmqVvBc",
                "code", "226009850808", "outerStr", "store_42", "isGiveByFriend", 0, "isRestoreMemberCard", 0L));
        assertThat(intake.events().get(1).properties()).isEqualTo(Map.of("cardId", "pZI8Fj8y-E8hpvho2d1ZvpGwQBvA",
                "code", "452998530302", "outerStr", "store_42", "consumeSource", "FROM_MOBILE_HELPER",
                "locationName", "天河城店", "staffOpenid", "oZI8Fj7hMZOPfL_2sgVt7ztE5sE"));
    }

    @Test
    void publishesSubscriptionPopupAnswersAndASendResult() throws Exception {
        String accepted = "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc";
        String rejected = "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI";

        ContactEvent popup = deliver("subscribe-msg-popup.xml");
        intake.clear();
        ContactEvent sent = deliver("subscribe-msg-sent.xml");

        assertThat(popup.type()).isEqualTo(EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED);
        assertThat(popup.identity()).isEqualTo(SENDER);
        assertThat(popup.properties()).isEqualTo(Map.of("event", "subscribe_msg_popup_event",
                "changes", List.of(Map.of("templateId", accepted, "status", "accept", "popupScene", 2L),
                        Map.of("templateId", rejected, "status", "reject", "popupScene", 2L)),
                "accepted", List.of(accepted), "rejected", List.of(rejected)));
        assertThat(sent.type()).isEqualTo(EventTypes.WECHAT_SUBSCRIBE_MSG_SENT);
        assertThat(sent.properties()).isEqualTo(Map.of("results", List.of(Map.of("templateId", accepted,
                "msgId", "1700827132819554304", "errorCode", 0L, "errorStatus", "success"))));
        assertThat(sent.dedupeKey()).isEqualTo("submsg:1700827132819554304");
    }

    @Test
    void publishesAnEventOfNoKnownTypeWithItsName() throws Exception {
        ContactEvent event = deliver("user-view-card.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_EVENT_RECEIVED);
        assertThat(event.identity()).isEqualTo(SENDER);
        assertThat(event.properties()).isEqualTo(Map.of("event", "user_view_card"));
    }

    @Test
    void publishesAPlainMessageOfNoKnownType() throws Exception {
        String xml = "<xml><ToUserName><![CDATA[" + plain.originalId() + "]]></ToUserName><FromUserName><![CDATA["
                + OPENID + "]]></FromUserName><CreateTime>1772352000</CreateTime>"
                + "<MsgType><![CDATA[miniprogrampage]]></MsgType><Title><![CDATA[会员中心]]></Title>"
                + "<MsgId>24437412385129999</MsgId></xml>";

        HttpResponse<String> response = post(plain.plain(xml));

        assertThat(response.body()).isEqualTo("success");
        assertThat(intake.events()).singleElement().satisfies(event -> {
            assertThat(event.tenantId()).isEqualTo(PLAIN_TENANT);
            assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
            assertThat(event.properties())
                    .isEqualTo(Map.of("msgType", "miniprogrampage", "msgId", "24437412385129999"));
        });
    }

    @Test
    void readsAMenuPhotoPushWithSeveralPictureLists() throws Exception {
        ContactEvent event = deliver("pic-photo-or-album.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MENU_PHOTO_SENT);
        assertThat(event.properties())
                .isEqualTo(Map.of("event", "pic_photo_or_album", "key", "MENU_PHOTO", "count", 2L));
    }

    /** Every recorded push is stored, under a key of its own; only the one of no known type is a generic event. */
    @Test
    void storesEveryRecordedPush() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/wxmp").toURI()))) {
            names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml"))
                    .sorted().toList();
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);

        for (String name : names) {
            HttpResponse<String> response = post(safe.encrypted(fixture(name)));
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.body()).as(name).isEqualTo("success");
        }

        assertThat(intake.calls()).isEqualTo(names.size());
        assertThat(intake.events()).hasSize(names.size());
        assertThat(intake.events()).filteredOn(event -> event.type().equals(EventTypes.WECHAT_EVENT_RECEIVED))
                .extracting(event -> event.properties().get("event")).containsExactly("user_view_card");
    }

    private ContactEvent deliver(String fixtureName) throws Exception {
        HttpResponse<String> response = post(safe.encrypted(fixture(fixtureName)));

        assertThat(response.statusCode()).as(fixtureName).isEqualTo(200);
        assertThat(response.body()).as(fixtureName).isEqualTo("success");
        assertThat(intake.events()).as(fixtureName).hasSize(1);
        return intake.events().get(0);
    }
}

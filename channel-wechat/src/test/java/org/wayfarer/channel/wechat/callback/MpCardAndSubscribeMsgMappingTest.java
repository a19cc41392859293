package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.channel.wechat.callback.MpFixtures.IDENTITY;
import static org.wayfarer.channel.wechat.callback.MpFixtures.OPENID;
import static org.wayfarer.channel.wechat.callback.MpFixtures.fixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapFixture;
import static org.wayfarer.channel.wechat.callback.MpFixtures.mapXml;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/** Card receipts and redemptions, and the subscription-message popup, change and send-result events. */
class MpCardAndSubscribeMsgMappingTest {

    private static final String TPL_ACCEPTED = "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc";
    private static final String TPL_REJECTED = "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI";

    @Test
    void mapsCardReceived() {
        ContactEvent event = mapFixture("user-get-card.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_CARD_RECEIVED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.unionid()).isNull();
        assertThat(event.properties()).isEqualTo(Map.of("cardId", "pZI8Fjwsy5fVPRBeD78J4RmqVvBc",
                "code", "226009850808", "outerStr", "store_42", "isGiveByFriend", 0, "isRestoreMemberCard", 0L));
        assertThat(event.dedupeKey()).isEqualTo(
                "card:user_get_card:pZI8Fjwsy5fVPRBeD78J4RmqVvBc:226009850808:" + OPENID + ":1772352023");
    }

    @Test
    void mapsCardGivenByAFriendWithTheFriendAndTheCodeBeforeTheGift() {
        ContactEvent event = mapFixture("user-get-card-from-friend.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_CARD_RECEIVED);
        assertThat(event.properties()).isEqualTo(Map.of("cardId", "pZI8Fjwsy5fVPRBeD78J4RmqVvBc",
                "code", "226009850912", "isGiveByFriend", 1, "friendOpenid", "oZI8Fj040-be6rlDohc6gkoPOQTQ",
                "oldCode", "226009850808", "isRestoreMemberCard", 0L));
        assertThat(event.dedupeKey()).isEqualTo(
                "card:user_get_card:pZI8Fjwsy5fVPRBeD78J4RmqVvBc:226009850912:" + OPENID + ":1772352024");
    }

    @Test
    void keepsARestoredMemberCardApartFromItsFirstReceipt() {
        String restored = fixture("user-get-card.xml")
                .replace("<IsRestoreMemberCard>0", "<IsRestoreMemberCard>1")
                .replace("1772352023", "1772352090");

        ContactEvent first = mapFixture("user-get-card.xml");
        ContactEvent again = mapXml(restored);

        assertThat(again.properties()).containsEntry("isRestoreMemberCard", 1L)
                .containsEntry("code", first.properties().get("code"));
        assertThat(again.dedupeKey()).isNotEqualTo(first.dedupeKey());
        assertThat(mapFixture("user-get-card.xml").dedupeKey()).isEqualTo(first.dedupeKey());
    }

    @Test
    void mapsCardRedeemed() {
        ContactEvent event = mapFixture("user-consume-card.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_CARD_REDEEMED);
        assertThat(event.properties()).isEqualTo(Map.of("cardId", "pZI8Fj8y-E8hpvho2d1ZvpGwQBvA",
                "code", "452998530302", "outerStr", "store_42", "consumeSource", "FROM_MOBILE_HELPER",
                "locationName", "天河城店", "staffOpenid", "oZI8Fj7hMZOPfL_2sgVt7ztE5sE"));
        assertThat(event.dedupeKey()).isEqualTo(
                "card:user_consume_card:pZI8Fj8y-E8hpvho2d1ZvpGwQBvA:452998530302:" + OPENID + ":1772352025");
    }

    @Test
    void mapsSubscriptionPopupAnswers() {
        ContactEvent event = mapFixture("subscribe-msg-popup.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED);
        assertThat(event.identity()).isEqualTo(IDENTITY);
        assertThat(event.properties()).isEqualTo(Map.of(
                "event", "subscribe_msg_popup_event",
                "changes", List.of(
                        Map.of("templateId", TPL_ACCEPTED, "status", "accept", "popupScene", 2L),
                        Map.of("templateId", TPL_REJECTED, "status", "reject", "popupScene", 2L)),
                "accepted", List.of(TPL_ACCEPTED),
                "rejected", List.of(TPL_REJECTED)));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352026:subscribe_msg_popup_event:"
                + TPL_ACCEPTED + "=accept," + TPL_REJECTED + "=reject");
    }

    @Test
    void mapsSubscriptionChangedInTheSettings() {
        ContactEvent event = mapFixture("subscribe-msg-change.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED);
        assertThat(event.properties()).isEqualTo(Map.of(
                "event", "subscribe_msg_change_event",
                "changes", List.of(Map.of("templateId", TPL_ACCEPTED, "status", "reject")),
                "accepted", List.of(),
                "rejected", List.of(TPL_ACCEPTED)));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352027:subscribe_msg_change_event:"
                + TPL_ACCEPTED + "=reject");
    }

    @Test
    void hashesTheChangesOfAPopupTooLongForTheDedupeKey() {
        String item = "<List><TemplateId><![CDATA[" + TPL_ACCEPTED + "]]></TemplateId>"
                + "<SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List>";
        String xml = fixture("subscribe-msg-popup.xml")
                .replace("<SubscribeMsgPopupEvent>", "<SubscribeMsgPopupEvent>" + item.repeat(4));

        ContactEvent event = mapXml(xml);

        assertThat(event.dedupeKey()).hasSizeLessThanOrEqualTo(255)
                .startsWith("evt:" + OPENID + ":1772352026:subscribe_msg_popup_event:sha256:");
        assertThat((List<?>) event.properties().get("changes")).hasSize(6);
        assertThat(event.dedupeKey()).isNotEqualTo(mapXml(xml.replace("accept", "reject")).dedupeKey());
    }

    @Test
    void mapsSubscriptionMessageSendResult() {
        ContactEvent event = mapFixture("subscribe-msg-sent.xml");

        assertThat(event.type()).isEqualTo(EventTypes.WECHAT_SUBSCRIBE_MSG_SENT);
        assertThat(event.properties()).isEqualTo(Map.of("results", List.of(Map.of("templateId", TPL_ACCEPTED,
                "msgId", "1700827132819554304", "errorCode", 0L, "errorStatus", "success"))));
        assertThat(event.dedupeKey()).isEqualTo("submsg:1700827132819554304");
    }

    @Test
    void keysASendResultWithoutMsgIdByTheEvent() {
        ContactEvent event = mapXml(fixture("subscribe-msg-sent.xml").replaceAll("<MsgID>.*</MsgID>", ""));

        assertThat(event.properties()).isEqualTo(Map.of("results", List.of(Map.of("templateId", TPL_ACCEPTED,
                "errorCode", 0L, "errorStatus", "success"))));
        assertThat(event.dedupeKey()).isEqualTo("evt:" + OPENID + ":1772352028:subscribe_msg_sent_event:");
    }

    @Test
    void keepsAnEmptySubscriptionPushWithEmptyLists() {
        ContactEvent event = mapXml(fixture("subscribe-msg-change.xml").replaceAll(
                "(?s)<SubscribeMsgChangeEvent>.*</SubscribeMsgChangeEvent>", ""));

        assertThat(event.properties()).isEqualTo(Map.of("event", "subscribe_msg_change_event",
                "changes", List.of(), "accepted", List.of(), "rejected", List.of()));
    }

    /** The shapes the docs promise work in the journey language's conditions, as written there. */
    @Test
    void journeyConditionsReadTheChangesAsDocumented() {
        Facts popup = new Facts(Map.of(), mapFixture("subscribe-msg-popup.xml").properties());
        Facts change = new Facts(Map.of(), mapFixture("subscribe-msg-change.xml").properties());

        for (String when : new String[] {
                "event.accepted.contains('" + TPL_ACCEPTED + "')",
                "event.changes.?[templateId == '" + TPL_ACCEPTED + "' && status == 'accept'].size() > 0"}) {
            Compilation compilation = new JourneyCompiler(Set.of(), JourneyCompiler.Limits.defaults()).compile("""
                    {"key": "k", "name": "n", "trigger": {"event": "wechat.subscribe_msg_changed", "when": "%s"},
                     "nodes": {"end": {"type": "exit"}}, "start": "end"}""".formatted(when));
            assertThat(compilation.errors()).as(when).isEmpty();

            assertThat(compilation.definition().trigger().when().test(popup)).as(when).isTrue();
            assertThat(compilation.definition().trigger().when().test(change)).as(when).isFalse();
        }
    }
}

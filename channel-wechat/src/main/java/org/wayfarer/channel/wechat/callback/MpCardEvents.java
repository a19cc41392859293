package org.wayfarer.channel.wechat.callback;

import static org.wayfarer.channel.wechat.callback.PushValues.blankToNull;
import static org.wayfarer.channel.wechat.callback.PushValues.integer;
import static org.wayfarer.channel.wechat.callback.PushValues.properties;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * WeChat card (卡券) events: {@code user_get_card} becomes {@value EventTypes#WECHAT_CARD_RECEIVED},
 * {@code user_consume_card} {@value EventTypes#WECHAT_CARD_REDEEMED}. Pure.
 *
 * <p>Dedupe key: {@code card:<Event>:<CardId>:<UserCardCode>:<FromUserName>:<CreateTime>} (the part after the
 * event becomes {@code sha256:<hex>} past 255 characters). The card and code alone would not do: a member who
 * restores a deleted member card receives its code again ({@code IsRestoreMemberCard=1}), a second real receipt that
 * such a key would collapse into the first. A retry repeats the whole push, sender and time included, and still
 * collapses; one user receiving several cards in one second (a batch) gets one key per card and code.
 */
final class MpCardEvents {

    private MpCardEvents() {
    }

    static ContactEvent received(MpPush push, String event, WxMpXmlMessage message) {
        return push.event(dedupeKey(push, event, message), EventTypes.WECHAT_CARD_RECEIVED, properties(
                "cardId", blankToNull(message.getCardId()),
                "code", blankToNull(message.getUserCardCode()),
                "outerStr", blankToNull(message.getOuterStr()),
                "isGiveByFriend", message.getIsGiveByFriend(),
                "friendOpenid", blankToNull(message.getFriendUserName()),
                "oldCode", blankToNull(message.getOldUserCardCode()),
                "isRestoreMemberCard", integer(message.getIsRestoreMemberCard())));
    }

    static ContactEvent redeemed(MpPush push, String event, WxMpXmlMessage message) {
        return push.event(dedupeKey(push, event, message), EventTypes.WECHAT_CARD_REDEEMED, properties(
                "cardId", blankToNull(message.getCardId()),
                "code", blankToNull(message.getUserCardCode()),
                "outerStr", blankToNull(message.getOuterStr()),
                "consumeSource", blankToNull(message.getConsumeSource()),
                "locationName", blankToNull(message.getLocationName()),
                "staffOpenid", blankToNull(message.getStaffOpenId())));
    }

    private static String dedupeKey(MpPush push, String event, WxMpXmlMessage message) {
        String tail = orEmpty(message.getCardId()) + ":" + orEmpty(message.getUserCardCode()) + ":" + push.openid()
                + ":" + push.createTime();
        return PushValues.boundedKey("card:" + event + ":", tail);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

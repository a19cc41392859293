package org.wayfarer.channel.wechat.callback;

import java.time.Instant;
import java.util.Map;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;

/**
 * What every mapping needs of one checked push: whose account it came to, who sent it and when. The mappers
 * ({@link MpMessageMapper} and the event families it delegates to) turn it into a {@link ContactEvent}.
 *
 * @param tenantId   the account's tenant
 * @param appId      the account's AppID, the event's source
 * @param openid     {@code FromUserName}
 * @param createTime {@code CreateTime}, epoch seconds
 */
record MpPush(long tenantId, String appId, String openid, long createTime) {

    Identity identity() {
        return Identity.wechatOpenid(appId, openid);
    }

    ContactEvent event(String dedupeKey, String type, Map<String, Object> properties) {
        return new ContactEvent(tenantId, appId, dedupeKey, type, identity(), null, Instant.ofEpochSecond(createTime),
                properties, null);
    }

    /**
     * The dedupe key of an event without an id of its own: {@code evt:<FromUserName>:<CreateTime>:<Event>:<detail>},
     * the detail being the EventKey (or what else tells two pushes of one second apart), {@code ''} when there is
     * none, and {@code sha256:<hex>} when it is too long for 255 characters.
     */
    String eventKey(String event, String detail) {
        return PushValues.boundedKey("evt:" + openid + ":" + createTime + ":" + event + ":",
                detail == null ? "" : detail);
    }
}

package org.wayfarer.channel.wechat.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;

/**
 * The recorded pushes under {@code src/test/resources/wxmp/} (WeChat's documented shapes, sent to account
 * {@link #APP_ID} by {@link #OPENID}), parsed as the endpoint parses them and mapped by the real mapper.
 */
final class MpFixtures {

    static final long TENANT = 7;
    static final String APP_ID = "wx1234567890abcdef";
    static final String OPENID = "oMgHVjngRipVsoxg6TuX3vz6glDg";
    static final Identity IDENTITY = Identity.wechatOpenid(APP_ID, OPENID);

    private static final MpMessageMapper MAPPER = new MpMessageMapper();

    private MpFixtures() {
    }

    /** The fixture {@code name}, mapped. */
    static ContactEvent mapFixture(String name) {
        return mapXml(fixture(name));
    }

    /** {@code xml} screened and parsed as {@link MpCallbackHandler} does, then mapped. */
    static ContactEvent mapXml(String xml) {
        return MAPPER.map(TENANT, APP_ID, parse(xml));
    }

    static WxMpXmlMessage parse(String xml) {
        try {
            return MpCallbackHandler.parse(xml, CallbackXml.screen(xml));
        } catch (CallbackRejectedException e) {
            throw new IllegalArgumentException("fixture refused: " + e.getMessage(), e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = MpFixtures.class.getResourceAsStream("/wxmp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

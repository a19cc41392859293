package org.wayfarer.channel.wechat.callback;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;

/**
 * Checks one callback and publishes its event; the HTTP-free part of {@link MpCallbackController}.
 *
 * <p>Order of checks: required parameters (400), account (404), timestamp within the tolerance of the clock either way
 * (403), {@code signature} (403), body size (413), DOCTYPE (400), then in safe mode {@code msg_signature} (403) and
 * decryption (400), then XML parsing and mapping (400). Every rejection happens before anything is stored. Thread-safe.
 */
final class MpCallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(MpCallbackHandler.class);

    private final WxMpServices services;
    private final EventIntake intake;
    private final Clock clock;
    private final Duration tolerance;
    private final int maxBodyBytes;
    private final MpMessageMapper mapper = new MpMessageMapper();

    MpCallbackHandler(WxMpServices services, EventIntake intake, Clock clock, WeChatProperties properties) {
        this.services = services;
        this.intake = intake;
        this.clock = clock;
        this.tolerance = properties.timestampTolerance();
        this.maxBodyBytes = properties.maxCallbackBytes();
    }

    /** URL verification ({@code GET}): returns {@code echostr} when the request is signed with the account's token. */
    String verify(String appId, Map<String, String> params) throws CallbackRejectedException {
        String echostr = required(params, "echostr");
        authenticate(appId, params);
        return echostr;
    }

    /**
     * A pushed message or event ({@code POST}): publishes its contact event, if the engine consumes that type.
     * Exceptions of the {@link EventIntake} propagate: they mean our storage failed, and WeChat should retry.
     */
    void receive(String appId, Map<String, String> params, InputStream body, long declaredLength)
            throws CallbackRejectedException {
        String encryptType = params.get("encrypt_type");
        boolean safeMode = "aes".equalsIgnoreCase(encryptType);
        if (!safeMode && encryptType != null && !encryptType.isEmpty() && !"raw".equalsIgnoreCase(encryptType)) {
            throw CallbackRejectedException.badRequest("unsupported encrypt_type");
        }
        String msgSignature = safeMode ? required(params, "msg_signature") : null;
        MpAccount account = authenticate(appId, params);
        if (safeMode && !account.credentials().safeMode()) {
            throw CallbackRejectedException.badRequest("account is in plain mode: it has no EncodingAESKey");
        }
        if (!safeMode && account.credentials().safeMode()) {
            // A plain callback's body is not covered by any signature; a safe-mode account must not accept one.
            throw CallbackRejectedException.forbidden("account is in safe mode: encrypt_type=aes expected");
        }

        String xml = CallbackXml.readBody(body, declaredLength, maxBodyBytes);
        rejectDoctype(xml);
        if (safeMode) {
            xml = MpCallbackCrypto.open(account.config(), params.get("timestamp"), params.get("nonce"), msgSignature,
                    xml);
            rejectDoctype(xml);
        }
        WxMpXmlMessage message = parse(xml);

        Optional<ContactEvent> event;
        try {
            event = mapper.map(account.tenantId(), account.appId(), message);
        } catch (IllegalArgumentException e) {
            // our own messages (a missing field, an over-long openid); they never quote the body
            throw CallbackRejectedException.badRequest(e.getMessage());
        }
        if (event.isEmpty()) {
            log.debug("ignored {}/{} callback for {}", loggable(message.getMsgType()), loggable(message.getEvent()),
                    account.appId());
            return;
        }
        intake.accept(event.get());
    }

    private MpAccount authenticate(String appId, Map<String, String> params) throws CallbackRejectedException {
        String signature = required(params, "signature");
        String timestamp = required(params, "timestamp");
        String nonce = required(params, "nonce");
        MpAccount account = services.find(appId)
                .orElseThrow(() -> CallbackRejectedException.notFound("unknown official account"));
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw CallbackRejectedException.badRequest("timestamp must be epoch seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            throw CallbackRejectedException.forbidden("timestamp outside the accepted window");
        }
        if (!MpCallbackCrypto.signatureMatches(account.config().getToken(), timestamp, nonce, signature)) {
            throw CallbackRejectedException.forbidden("bad signature");
        }
        return account;
    }

    private static void rejectDoctype(String xml) throws CallbackRejectedException {
        if (CallbackXml.declaresDoctype(xml)) {
            throw CallbackRejectedException.badRequest("DOCTYPE is not allowed");
        }
    }

    private static WxMpXmlMessage parse(String xml) throws CallbackRejectedException {
        try {
            return WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            // XStream and dom4j messages can quote the body; only the type is kept
            log.debug("unparseable callback: {}", e.getClass().getName());
            throw CallbackRejectedException.badRequest("malformed XML");
        }
    }

    /** Type names only: a plain callback's body is unauthenticated, so nothing else of it reaches a log line. */
    private static String loggable(String typeName) {
        return typeName != null && typeName.matches("[A-Za-z_]{1,40}") ? typeName : "-";
    }

    private static String required(Map<String, String> params, String name) throws CallbackRejectedException {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw CallbackRejectedException.badRequest("missing parameter " + name);
        }
        return value;
    }
}

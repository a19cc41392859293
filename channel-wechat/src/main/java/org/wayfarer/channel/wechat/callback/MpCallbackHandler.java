package org.wayfarer.channel.wechat.callback;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;

/**
 * Checks one callback and publishes its event; the HTTP-free part of {@link MpCallbackServlet}.
 *
 * <p>Order of checks: required parameters (400), account (404), timestamp within the tolerance of the clock either way
 * (403), {@code signature} (403), body size (413), in plain mode a signature replayed with another body (403), the
 * XML screen (DOCTYPE, entity references, nesting deeper than {@link CallbackXml#MAX_DEPTH}, malformed: 400; in safe
 * mode on the envelope while its {@code Encrypt} is read), then in safe mode {@code msg_signature} (403), decryption
 * (400) and the screen on the decrypted XML, then parsing,
 * {@code CreateTime} (400 unless from {@link #MAX_EVENT_AGE} ago to the tolerance ahead of the clock) and mapping
 * (400). Every rejection happens before anything is stored. Thread-safe.
 */
final class MpCallbackHandler {

    /**
     * Oldest {@code CreateTime} accepted. WeChat pushes an event as it happens and retries for seconds, and the
     * request's own timestamp is at most the tolerance old; a week leaves room for any queueing on its side while
     * refusing times no push can carry (whose instants the event store could not even represent).
     */
    static final Duration MAX_EVENT_AGE = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(MpCallbackHandler.class);
    /** Where one {@code PicList} ends and the next begins; merged into one list before XStream reads it. */
    private static final Pattern PIC_LIST_SEAM = Pattern.compile("</PicList>\\s*<PicList>");

    private final WxMpServices services;
    private final EventIntake intake;
    private final KeywordReplies replies;
    private final Clock clock;
    private final Duration tolerance;
    private final int maxBodyBytes;
    private final PlainReplayGuard replayGuard;
    private final MpMessageMapper mapper = new MpMessageMapper();

    MpCallbackHandler(WxMpServices services, EventIntake intake, KeywordReplies replies, Clock clock,
                      WeChatProperties properties) {
        this.services = services;
        this.intake = intake;
        this.replies = replies;
        this.clock = clock;
        this.tolerance = properties.timestampTolerance();
        this.maxBodyBytes = properties.maxCallbackBytes();
        this.replayGuard = new PlainReplayGuard(clock, tolerance, PlainReplayGuard.DEFAULT_MAX_PER_ACCOUNT);
    }

    /** URL verification ({@code GET}): returns {@code echostr} when the request is signed with the account's token. */
    String verify(String appId, Map<String, String> params) throws CallbackRejectedException {
        String echostr = required(params, "echostr");
        authenticate(appId, params);
        return echostr;
    }

    /**
     * A pushed message or event ({@code POST}): publishes its contact event (every type has one), then answers a
     * text message that one of the account's keyword rules matches with that rule's reply: the passive reply XML,
     * encrypted in safe mode; empty for anything else (the servlet answers {@code success}). Exceptions of the
     * {@link EventIntake} propagate: they mean our storage failed, and WeChat should retry.
     */
    Optional<String> receive(String appId, Map<String, String> params, InputStream body, long declaredLength)
            throws CallbackRejectedException {
        String encryptType = params.get("encrypt_type");
        boolean safeMode = "aes".equalsIgnoreCase(encryptType);
        if (!safeMode && encryptType != null && !encryptType.isEmpty() && !"raw".equalsIgnoreCase(encryptType)) {
            throw CallbackRejectedException.badRequest("unsupported encrypt_type");
        }
        String msgSignature = safeMode ? required(params, "msg_signature") : null;
        Signed signed = authenticate(appId, params);
        MpAccount account = signed.account();
        if (safeMode && !account.credentials().safeMode()) {
            throw CallbackRejectedException.badRequest("account is in plain mode: it has no EncodingAESKey");
        }
        if (!safeMode && account.credentials().safeMode()) {
            // A plain callback's body is not covered by any signature; a safe-mode account must not accept one.
            throw CallbackRejectedException.forbidden("account is in safe mode: encrypt_type=aes expected");
        }

        String xml = CallbackXml.readBody(body, declaredLength, maxBodyBytes);
        if (!safeMode && !replayGuard.admit(account.appId(), signed.timestamp(), signed.signature(), xml)) {
            throw CallbackRejectedException.forbidden("signature already used with another body");
        }
        if (safeMode) {
            // the envelope is screened while its Encrypt is read, before msg_signature is checked
            xml = MpCallbackCrypto.open(account.config(), params.get("timestamp"), params.get("nonce"), msgSignature,
                    xml);
        }
        WxMpXmlMessage message = parse(xml, CallbackXml.screen(xml));
        requirePlausibleCreateTime(message.getCreateTime());

        ContactEvent event;
        try {
            event = mapper.map(account.tenantId(), account.appId(), message);
        } catch (IllegalArgumentException e) {
            // our own messages (a missing field, an over-long openid); they never quote the body
            throw CallbackRejectedException.badRequest(e.getMessage());
        }
        intake.accept(event);
        if (!"text".equalsIgnoreCase(message.getMsgType())) {
            return Optional.empty();
        }
        return replies.replyTo(account.appId(), message.getContent()).map(reply -> {
            WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT().content(reply).fromUser(message.getToUser())
                    .toUser(message.getFromUser()).build();
            return safeMode ? out.toEncryptedXml(account.config()) : out.toXml();
        });
    }

    private Signed authenticate(String appId, Map<String, String> params) throws CallbackRejectedException {
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
        long now = clock.instant().getEpochSecond();
        // compared without subtracting, which could overflow for a timestamp near Long.MIN_VALUE
        if (seconds < now - tolerance.toSeconds() || seconds > now + tolerance.toSeconds()) {
            throw CallbackRejectedException.forbidden("timestamp outside the accepted window");
        }
        if (!MpCallbackCrypto.signatureMatches(account.config().getToken(), timestamp, nonce, signature)) {
            throw CallbackRejectedException.forbidden("bad signature");
        }
        return new Signed(account, seconds, signature);
    }

    /** A missing CreateTime is left to the mapper, which names the missing field. */
    private void requirePlausibleCreateTime(Long createTime) throws CallbackRejectedException {
        if (createTime == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        if (createTime < now - MAX_EVENT_AGE.toSeconds() || createTime > now + tolerance.toSeconds()) {
            throw CallbackRejectedException.badRequest("CreateTime out of range");
        }
    }

    /**
     * {@link WxMpXmlMessage#fromXml(String)} without its second parse: it reads the document with XStream and again
     * with dom4j for {@code allFieldsMap}, whose only use here (the {@code MsgID} of a template delivery result) the
     * screen already read. The {@code PicList} rewrite is fromXml's, widened to the line breaks WeChat's samples put
     * between elements: XStream refuses a second {@code PicList} of a {@code pic_*} menu push with several photos.
     */
    static WxMpXmlMessage parse(String xml, Map<String, String> fields) throws CallbackRejectedException {
        try {
            WxMpXmlMessage message = XStreamTransformer.fromXml(WxMpXmlMessage.class,
                    PIC_LIST_SEAM.matcher(xml).replaceAll(""));
            message.setAllFieldsMap(new HashMap<>(fields));
            return message;
        } catch (RuntimeException e) {
            // XStream and dom4j messages can quote the body; only the type is kept
            log.debug("unparseable callback: {}", e.getClass().getName());
            throw CallbackRejectedException.badRequest("malformed XML");
        }
    }

    private static String required(Map<String, String> params, String name) throws CallbackRejectedException {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw CallbackRejectedException.badRequest("missing parameter " + name);
        }
        return value;
    }

    /** An account whose request passed the timestamp and {@code signature} checks, with the values checked. */
    private record Signed(MpAccount account, long timestamp, String signature) {
    }
}

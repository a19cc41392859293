package org.wayfarer.channel.wechat.testing;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * Builds official-account callbacks exactly as the WeChat server sends them, for one account.
 *
 * <p>The XML builders produce WeChat's plain push format with {@code CreateTime} taken from the clock. {@link #plain}
 * and {@link #encrypted} sign it: {@code signature = sha1(sort(token, timestamp, nonce))}; in safe mode the body is
 * {@code <xml><ToUserName/><Encrypt/></xml>}, {@code Encrypt} is WxJava's {@code WxMpCryptUtil} (WeChat's
 * WXBizMsgCrypt AES-256-CBC with a random 16-character prefix and the AppID suffix) and
 * {@code msg_signature = sha1(sort(token, timestamp, nonce, Encrypt))}. The timestamp is the clock's (or the one
 * given), not the JVM's, so tests with a fixed or moving clock stay consistent; that is why this does not use
 * {@code encryptContext}, which reads the system time. Thread-safe if the clock is.
 */
public final class WeChatCallbacks {

    private static final Pattern FROM_USER = Pattern.compile("<FromUserName><!\\[CDATA\\[(.*?)]]></FromUserName>");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String appId;
    private final String token;
    private final String aesKey;
    private final Clock clock;
    private final String originalId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param appId  the official account's AppID
     * @param token  its callback Token
     * @param aesKey its EncodingAESKey; {@code null} when only plain callbacks are needed
     * @param clock  source of {@code CreateTime} and {@code timestamp}
     */
    public WeChatCallbacks(String appId, String token, String aesKey, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.token = Objects.requireNonNull(token, "token");
        this.aesKey = aesKey;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.originalId = "gh_" + appId.substring(Math.max(0, appId.length() - 12));
    }

    public String appId() {
        return appId;
    }

    /** The account's original id ({@code gh_...}), the {@code ToUserName} of every push. */
    public String originalId() {
        return originalId;
    }

    // ---- plain XML, as WeChat pushes it --------------------------------------------------------------------------

    /** A follow without a parametric QR code (no EventKey). */
    public String subscribe(String openid) {
        return event(openid, "subscribe", "");
    }

    /** A follow through a parametric QR code: {@code EventKey = qrscene_<scene>} and the QR ticket. */
    public String subscribeFromQr(String openid, String scene, String ticket) {
        return event(openid, "subscribe", cdata("EventKey", "qrscene_" + scene) + cdata("Ticket", ticket));
    }

    public String unsubscribe(String openid) {
        return event(openid, "unsubscribe", cdata("EventKey", ""));
    }

    /** An existing follower scanned a parametric QR code: {@code EventKey = <scene>} (no prefix). */
    public String scan(String openid, String scene, String ticket) {
        return event(openid, "SCAN", cdata("EventKey", scene) + cdata("Ticket", ticket));
    }

    public String click(String openid, String key) {
        return event(openid, "CLICK", cdata("EventKey", key));
    }

    public String view(String openid, String url) {
        return event(openid, "VIEW", cdata("EventKey", url) + "<MenuId>208379533</MenuId>");
    }

    public String text(String openid, String content, long msgId) {
        return "<xml>" + cdata("ToUserName", originalId) + cdata("FromUserName", openid)
                + "<CreateTime>" + createTime() + "</CreateTime>" + cdata("MsgType", "text")
                + cdata("Content", content) + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    /** The delivery result of template message {@code msgId}: {@code success}, {@code failed:user block}, ... */
    public String templateSendJobFinish(String openid, long msgId, String status) {
        return event(openid, "TEMPLATESENDJOBFINISH", "<MsgID>" + msgId + "</MsgID>" + cdata("Status", status));
    }

    /**
     * The follower's answer to a subscription popup ({@code subscribe_msg_popup_event}), one {@code List} per template
     * in order: {@code status} is {@code accept} or {@code reject}; popup scene 2 (a web page).
     */
    public String subscribeMsgPopup(String openid, Map<String, String> statusByTemplate) {
        StringBuilder list = new StringBuilder();
        statusByTemplate.forEach((templateId, status) -> list.append("<List>").append(cdata("TemplateId", templateId))
                .append(cdata("SubscribeStatusString", status)).append("<PopupScene>2</PopupScene></List>"));
        return event(openid, "subscribe_msg_popup_event", "<SubscribeMsgPopupEvent>" + list
                + "</SubscribeMsgPopupEvent>");
    }

    /** WeChat's report of subscription message {@code msgId} ({@code subscribe_msg_sent_event}). */
    public String subscribeMsgSent(String openid, String templateId, String msgId, int errorCode, String errorStatus) {
        return event(openid, "subscribe_msg_sent_event", "<SubscribeMsgSentEvent><List>"
                + cdata("TemplateId", templateId) + "<MsgID>" + msgId + "</MsgID><ErrorCode>" + errorCode
                + "</ErrorCode>" + cdata("ErrorStatus", errorStatus) + "</List></SubscribeMsgSentEvent>");
    }

    // ---- signing --------------------------------------------------------------------------------------------------

    /** A plain-mode push of {@code xml}, signed now. */
    public SignedCallback plain(String xml) {
        return plain(xml, nowSeconds());
    }

    /** A plain-mode push of {@code xml}, signed with the given timestamp (epoch seconds). */
    public SignedCallback plain(String xml, long timestamp) {
        String ts = Long.toString(timestamp);
        String nonce = nonce();
        String query = param("signature", SHA1.gen(token, ts, nonce)) + "&" + param("timestamp", ts) + "&"
                + param("nonce", nonce) + openidParam(xml);
        return new SignedCallback(appId, query, xml);
    }

    /** A safe-mode push of {@code xml}, encrypted and signed now. Requires the AES key. */
    public SignedCallback encrypted(String xml) {
        return encrypted(xml, nowSeconds());
    }

    /** A safe-mode push of {@code xml}, encrypted and signed with the given timestamp (epoch seconds). */
    public SignedCallback encrypted(String xml, long timestamp) {
        requireAesKey();
        String encrypt = new WxMpCryptUtil(config()).encrypt(randomString(16), xml);
        return envelope(encrypt, timestamp, openidParam(xml));
    }

    /**
     * A safe-mode push of {@code xml} whose 4-byte length field says {@code declaredLength} instead of the XML's true
     * byte length; otherwise built as WeChat does, with a correct {@code msg_signature} over the tampered ciphertext,
     * so that the request reaches the decryption step. Requires the AES key.
     */
    public SignedCallback encryptedDeclaringLength(String xml, int declaredLength) {
        requireAesKey();
        String encrypt = cipherText(aesKey, appId, randomString(16), xml.getBytes(StandardCharsets.UTF_8),
                declaredLength);
        return envelope(encrypt, nowSeconds(), openidParam(xml));
    }

    /**
     * A safe-mode envelope carrying {@code encrypt} verbatim (not base64, not whole AES blocks, ...), signed now with
     * a correct {@code msg_signature} over exactly that text.
     */
    public SignedCallback encryptedAs(String encrypt) {
        return envelope(encrypt, nowSeconds(), "");
    }

    /**
     * WeChat's ciphertext, built step by step as WXBizMsgCrypt does: AES-256-CBC (no padding by the cipher) over
     * {@code random16 + length (4 bytes, network order) + xml + appId}, PKCS#7-padded to a multiple of 32 bytes, key
     * = base64(EncodingAESKey), IV = the key's first 16 bytes, then base64. With {@code declaredLength ==
     * xml.length} this equals WxJava's {@code WxCryptUtil.encrypt}; any other value tampers the length field.
     */
    public static String cipherText(String aesKey, String appId, String random16, byte[] xml, int declaredLength) {
        byte[] random = random16.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = random.length + 4 + xml.length + app.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random).putInt(declaredLength).put(xml).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        byte[] key = Base64.getDecoder().decode(aesKey);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SignedCallback envelope(String encrypt, long timestamp, String openidParam) {
        String ts = Long.toString(timestamp);
        String nonce = nonce();
        String body = "<xml>" + cdata("ToUserName", originalId) + cdata("Encrypt", encrypt) + "</xml>";
        String query = param("signature", SHA1.gen(token, ts, nonce)) + "&" + param("timestamp", ts) + "&"
                + param("nonce", nonce) + openidParam + "&" + param("encrypt_type", "aes") + "&"
                + param("msg_signature", SHA1.gen(token, ts, nonce, encrypt));
        return new SignedCallback(appId, query, body);
    }

    private void requireAesKey() {
        if (aesKey == null) {
            throw new IllegalStateException("no EncodingAESKey given for " + appId);
        }
    }

    /** The {@code GET} WeChat sends to verify the callback URL; the endpoint must echo {@code echostr}. */
    public SignedCallback urlVerification(String echostr) {
        String ts = Long.toString(nowSeconds());
        String nonce = nonce();
        String query = param("signature", SHA1.gen(token, ts, nonce)) + "&" + param("echostr", echostr) + "&"
                + param("timestamp", ts) + "&" + param("nonce", nonce);
        return new SignedCallback(appId, query, "");
    }

    private String event(String openid, String event, String extra) {
        return "<xml>" + cdata("ToUserName", originalId) + cdata("FromUserName", openid)
                + "<CreateTime>" + createTime() + "</CreateTime>" + cdata("MsgType", "event")
                + cdata("Event", event) + extra + "</xml>";
    }

    private long createTime() {
        return nowSeconds();
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private WxMpDefaultConfigImpl config() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appId);
        config.setToken(token);
        config.setAesKey(aesKey);
        return config;
    }

    private String nonce() {
        return Long.toString(1_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    }

    private String randomString(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static String openidParam(String xml) {
        Matcher matcher = FROM_USER.matcher(xml);
        return matcher.find() ? "&" + param("openid", matcher.group(1)) : "";
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** CDATA as WeChat writes it; a {@code ]]>} inside the value is split across two sections. */
    private static String cdata(String element, String value) {
        return "<" + element + "><![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]></" + element + ">";
    }
}

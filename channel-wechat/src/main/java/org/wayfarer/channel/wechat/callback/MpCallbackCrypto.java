package org.wayfarer.channel.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WeChat's callback signatures and safe-mode decryption, done with WxJava's primitives.
 *
 * <p>{@code signature = sha1(sort(token, timestamp, nonce))}; in safe mode {@code msg_signature = sha1(sort(token,
 * timestamp, nonce, Encrypt))} and {@code Encrypt} is AES-256-CBC as in WeChat's WXBizMsgCrypt. Decryption uses
 * {@link WxMpCryptUtil} built from the account's config (JDK base64, which accepts every EncodingAESKey WeChat issues;
 * WxJava's commons-codec constructor rejects some). Signatures are compared in constant time. Nothing is logged.
 */
final class MpCallbackCrypto {

    private MpCallbackCrypto() {
    }

    /** All arguments must be non-empty (the caller checks; WxJava's SHA1 would throw with the token in its message). */
    static boolean signatureMatches(String token, String timestamp, String nonce, String signature) {
        return sameHex(SHA1.gen(token, timestamp, nonce), signature);
    }

    /**
     * Verifies {@code msg_signature} over the envelope's {@code Encrypt} and decrypts it.
     *
     * @return the plain callback XML
     * @throws CallbackRejectedException 403 for a wrong msg_signature, 400 for a malformed envelope or undecryptable
     *                                   content
     */
    static String open(WxMpConfigStorage config, String timestamp, String nonce, String msgSignature,
                       String envelope) throws CallbackRejectedException {
        String encrypt = CallbackXml.encryptedPart(envelope);
        if (!sameHex(SHA1.gen(config.getToken(), timestamp, nonce, encrypt), msgSignature)) {
            throw CallbackRejectedException.forbidden("bad msg_signature");
        }
        try {
            return new WxMpCryptUtil(config).decrypt(encrypt);
        } catch (RuntimeException e) {
            // WxRuntimeException for bad base64, padding or length; never echo its message (it may quote content)
            throw CallbackRejectedException.badRequest("cannot decrypt Encrypt");
        }
    }

    private static boolean sameHex(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

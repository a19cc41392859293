package org.wayfarer.channel.wechat.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WeChat's callback signatures and safe-mode decryption.
 *
 * <p>{@code signature = sha1(sort(token, timestamp, nonce))}; in safe mode {@code msg_signature = sha1(sort(token,
 * timestamp, nonce, Encrypt))}, both with WxJava's {@link SHA1} and compared in constant time. {@code Encrypt} is
 * WeChat's WXBizMsgCrypt format: base64 of AES-256-CBC over {@code random(16) + length(4, network order) + xml +
 * AppID}, PKCS#7-padded to a multiple of 32 bytes, key = base64(EncodingAESKey), IV = the key's first 16 bytes.
 *
 * <p>WxJava's {@link WxMpCryptUtil} decrypts, but it trusts the length field: a ciphertext that declares a length
 * near 2 GiB makes it allocate that much (an {@code OutOfMemoryError}, so a 500) before noticing. So the envelope is
 * screened first: base64, whole AES blocks, and the padding byte and length field read by decrypting only the first
 * two blocks and the last one (CBC decrypts any block from the one before it), each checked against the
 * ciphertext's size. Refusing costs no more memory than the ciphertext; what passes is decrypted by WxJava. The AppID
 * after the XML is not compared, as in WxJava. Nothing is logged.
 */
final class MpCallbackCrypto {

    private static final int AES_BLOCK = 16;
    /** WXBizMsgCrypt pads to 32 bytes, so a pad byte is 1..32. */
    private static final int PAD_BLOCK = 32;
    /** The random prefix and the length field. */
    private static final int HEADER = 20;

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
        return decrypt(config, encrypt);
    }

    private static String decrypt(WxMpConfigStorage config, String encrypt) throws CallbackRejectedException {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt);
        } catch (IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("Encrypt is not base64");
        }
        if (cipherText.length < 2 * AES_BLOCK || cipherText.length % AES_BLOCK != 0) {
            throw CallbackRejectedException.badRequest("Encrypt is not a whole number of AES blocks");
        }
        byte[] key = key(config.getAesKey());
        int last = cipherText.length - AES_BLOCK;
        byte[] head = aes(key, Arrays.copyOf(key, AES_BLOCK), cipherText, 0, 2 * AES_BLOCK);
        byte[] tail = aes(key, Arrays.copyOfRange(cipherText, last - AES_BLOCK, last), cipherText, last, AES_BLOCK);
        int pad = tail[AES_BLOCK - 1] & 0xFF;
        if (pad < 1 || pad > PAD_BLOCK) {
            throw CallbackRejectedException.badRequest("Encrypt has invalid padding");
        }
        int contentEnd = cipherText.length - pad;
        int xmlLength = ByteBuffer.wrap(head, HEADER - 4, 4).getInt();
        if (contentEnd < HEADER || xmlLength < 0 || xmlLength > contentEnd - HEADER) {
            throw CallbackRejectedException.badRequest("Encrypt declares a length beyond its content");
        }
        try {
            return new WxMpCryptUtil(config).decrypt(encrypt);
        } catch (RuntimeException e) {
            // never echo its message: it may quote content
            throw CallbackRejectedException.badRequest("cannot decrypt Encrypt");
        }
    }

    private static byte[] key(String aesKey) throws CallbackRejectedException {
        try {
            // java.util.Base64 accepts the 43 characters without '=' and every EncodingAESKey WeChat issues, as
            // WxMpCryptUtil does (its commons-codec constructor rejects some)
            return Base64.getDecoder().decode(aesKey);
        } catch (IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("cannot decrypt Encrypt");
        }
    }

    /** Decrypts {@code length} bytes at {@code offset}, chained from {@code iv} (the block before, or the IV). */
    private static byte[] aes(byte[] key, byte[] iv, byte[] cipherText, int offset, int length)
            throws CallbackRejectedException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(cipherText, offset, length);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never echo the message: it may describe the key
            throw CallbackRejectedException.badRequest("cannot decrypt Encrypt");
        }
    }

    private static boolean sameHex(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

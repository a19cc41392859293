package org.wayfarer.journey.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short secrets for storage (AES-256-GCM with a random 96-bit IV per value).
 *
 * <p>Format: {@code "v1:" + base64(iv || ciphertext || tag)}. The version prefix lets a later key or algorithm
 * rotation recognise old values. GCM authenticates the value, so a tampered value or one encrypted under another key
 * fails to decrypt instead of yielding garbage.
 *
 * <p>Thread-safe; instances are immutable. Never logs or exposes the key ({@link #toString()} is redacted).
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key exactly 32 bytes (AES-256); copied, so the caller may wipe its array afterwards
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public SecretCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secret key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * Builds a cipher from a standard base64 encoded 32-byte key, e.g. the output of {@code openssl rand -base64 32}.
     *
     * @throws IllegalArgumentException when the text is not base64 or does not decode to 32 bytes (the message never
     *                                  contains the key)
     */
    public static SecretCipher fromBase64Key(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret key is not valid base64");
        }
        try {
            return new SecretCipher(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts {@code plaintext}; two calls with the same input give different outputs (random IV). */
    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts a value produced by {@link #encrypt} with the same key.
     *
     * @throws IllegalArgumentException when the value is not in the {@code v1:} format, was altered, or was encrypted
     *                                  with another key
     */
    public String decrypt(String encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        if (!encrypted.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a v1 encrypted secret");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypted secret is not valid base64");
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("encrypted secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("encrypted secret does not verify: altered, or encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key redacted]";
    }
}

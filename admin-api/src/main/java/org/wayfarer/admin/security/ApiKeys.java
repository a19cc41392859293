package org.wayfarer.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** How raw API keys are made, hashed for storage, and abbreviated for display. */
public final class ApiKeys {

    static final String GENERATED_PREFIX = "wf_";
    /** 24 random bytes are 192 bits, 32 characters in URL-safe Base64. */
    private static final int RANDOM_BYTES = 24;
    private static final int SHOWN_CHARACTERS = 4;
    /** Below this length a key is short enough that showing any of it would weaken it. */
    private static final int MIN_LENGTH_TO_SHOW_PREFIX = 16;

    private ApiKeys() {
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: what the {@code api_key.key_hash} column holds. */
    public static String hash(String rawKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(rawKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A new key: {@code wf_} plus 32 URL-safe random characters. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return GENERATED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What may be stored in clear to recognise a key: its first few characters, nothing for short keys. */
    static String displayPrefix(String rawKey) {
        if (rawKey.length() < MIN_LENGTH_TO_SHOW_PREFIX) {
            return "";
        }
        int shown = rawKey.startsWith(GENERATED_PREFIX) ? GENERATED_PREFIX.length() + SHOWN_CHARACTERS
                : SHOWN_CHARACTERS;
        return rawKey.substring(0, shown);
    }
}

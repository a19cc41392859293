package org.wayfarer.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/**
 * The official account a run connects: random credentials per bench invocation, safe mode (an EncodingAESKey) as
 * production accounts run.
 */
record BenchAccount(String appId, String name, String secret, String token, String aesKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static BenchAccount random() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        return new BenchAccount("wx" + HexFormat.of().formatHex(id), "Bench brand", HexFormat.of().formatHex(secret),
                "benchtoken" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36), randomAesKey());
    }

    /** Builds this account's callbacks as WeChat signs and encrypts them, timestamped by the system clock. */
    WeChatCallbacks callbacks() {
        return new WeChatCallbacks(appId, token, aesKey, Clock.systemUTC());
    }

    /**
     * 43 base64 characters that decode to 32 bytes even under strict decoders: only letters and digits, and the
     * last character carries no stray bits (32 bytes are 256 of the 258 bits of 43 characters).
     */
    private static String randomAesKey() {
        while (true) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(key);
            if (encoded.chars().allMatch(Character::isLetterOrDigit)) {
                return encoded;
            }
        }
    }
}

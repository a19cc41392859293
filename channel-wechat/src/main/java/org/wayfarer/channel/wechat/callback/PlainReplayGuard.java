package org.wayfarer.channel.wechat.callback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a plain-mode callback URL replayed with another body.
 *
 * <p>In plain mode {@code signature} covers only the token, {@code timestamp} and {@code nonce}, not the body: whoever
 * sees one push's URL could post any body under it while its timestamp is inside the tolerance. So the first body seen
 * under a signed (timestamp, nonce, signature) is remembered, as a SHA-256, until that timestamp leaves the window;
 * the same triple with another body is a replay. The same triple with the same body is let through: that is a retry
 * of one push (WeChat retries a push it got no answer for, and the event's dedupe key makes it harmless), and must
 * never be refused. The triple is identified by its verified signature, lower-cased: the signature is a hash of the
 * sorted (token, timestamp, nonce), so any other spelling or order of the same values maps to the same entry.
 *
 * <p>Memory is per account, capped at {@code maxPerAccount} entries (one account's traffic never evicts another's)
 * and each entry lives only as long as its timestamp is acceptable. Past the cap the least useful entries are evicted,
 * and an evicted triple could be replayed until its timestamp expires. In-process only: behind a load balancer a
 * replay reaching another node is not seen. Safe mode needs none of this, since {@code msg_signature} covers the
 * body. Thread-safe.
 */
final class PlainReplayGuard {

    /** One account's worst case at about 200 bytes an entry: some 20 MB. */
    static final int DEFAULT_MAX_PER_ACCOUNT = 100_000;

    private final Clock clock;
    private final long toleranceSeconds;
    private final int maxPerAccount;
    private final ConcurrentMap<String, Cache<String, Seen>> byAccount = new ConcurrentHashMap<>();

    PlainReplayGuard(Clock clock, Duration tolerance, int maxPerAccount) {
        if (maxPerAccount <= 0) {
            throw new IllegalArgumentException("maxPerAccount must be positive");
        }
        this.clock = clock;
        this.toleranceSeconds = tolerance.toSeconds();
        this.maxPerAccount = maxPerAccount;
    }

    /**
     * Records the body seen under a verified signature, or compares it with the one recorded.
     *
     * @param appId     the account (already resolved: unknown AppIDs never get here)
     * @param timestamp the verified timestamp, epoch seconds, inside the tolerance
     * @param signature the verified signature
     * @return {@code false} when this signature was seen inside its window with a different body (a replay)
     */
    boolean admit(String appId, long timestamp, String signature, String body) {
        byte[] digest = sha256(body);
        Seen first = cacheOf(appId).asMap().putIfAbsent(signature.toLowerCase(Locale.ROOT),
                new Seen(timestamp, digest));
        return first == null || MessageDigest.isEqual(first.bodyDigest(), digest);
    }

    /** Entries held for {@code appId}, expired ones excluded once cleaned up (for tests). */
    long size(String appId) {
        Cache<String, Seen> cache = byAccount.get(appId);
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Cache<String, Seen> cacheOf(String appId) {
        return byAccount.computeIfAbsent(appId, id -> Caffeine.newBuilder()
                .maximumSize(maxPerAccount)
                .expireAfter(Expiry.creating((String signature, Seen seen) -> remainingWindow(seen)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build());
    }

    /** The handler accepts a timestamp while {@code |now - timestamp| <= tolerance}: until one second past that. */
    private Duration remainingWindow(Seen seen) {
        long expiresAt = seen.timestamp() + toleranceSeconds + 1;
        long left = expiresAt * 1000 - clock.millis();
        return Duration.ofMillis(Math.max(1, left));
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Seen(long timestamp, byte[] bodyDigest) {
    }
}

package org.wayfarer.channel.wechat.qrcode;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of scene QR codes, prefix {@code wayfarer.wechat.qrcodes}.
 *
 * @param reissueBefore          a temporary code gets a fresh ticket when less than this is left of its current one
 *                               (default 1 day), or less than half its lifetime for codes shorter than twice that;
 *                               applies to each code from its next ticket on
 * @param reissueInterval        pause between two runs of the re-issue job (default 10 minutes); a failed re-issue is
 *                               tried again at the next run
 * @param reissuePageSize        codes the job reads at once (default 100)
 * @param maxPermanentPerAccount permanent codes allowed per official account: WeChat's limit, 100,000 (the default);
 *                               set it lower to leave room for codes created elsewhere (the WeChat console, other
 *                               tools), which Wayfarer cannot see
 */
@ConfigurationProperties("wayfarer.wechat.qrcodes")
public record QrCodeProperties(@DefaultValue("P1D") Duration reissueBefore,
                               @DefaultValue("PT10M") Duration reissueInterval,
                               @DefaultValue("100") int reissuePageSize,
                               @DefaultValue("100000") int maxPermanentPerAccount) {

    /** WeChat's own limit of permanent codes per account. */
    public static final int WECHAT_PERMANENT_LIMIT = 100_000;

    public QrCodeProperties {
        requirePositive(reissueBefore, "reissue-before");
        requirePositive(reissueInterval, "reissue-interval");
        if (reissuePageSize < 1 || reissuePageSize > 10_000) {
            throw new IllegalArgumentException("wayfarer.wechat.qrcodes.reissue-page-size must be 1..10000, got "
                    + reissuePageSize);
        }
        if (maxPermanentPerAccount < 0 || maxPermanentPerAccount > WECHAT_PERMANENT_LIMIT) {
            throw new IllegalArgumentException("wayfarer.wechat.qrcodes.max-permanent-per-account must be 0.."
                    + WECHAT_PERMANENT_LIMIT + ", got " + maxPermanentPerAccount);
        }
    }

    /** The defaults above. */
    public static QrCodeProperties defaults() {
        return new QrCodeProperties(Duration.ofDays(1), Duration.ofMinutes(10), 100, WECHAT_PERMANENT_LIMIT);
    }

    /**
     * When a temporary ticket expiring at {@code expiresAt} after {@code lifetimeSeconds} is due for re-issue: at
     * {@link #reissueBefore} before it expires, or halfway through a lifetime shorter than twice that, so a short code
     * is not re-issued at every run.
     */
    public Instant renewAt(Instant expiresAt, int lifetimeSeconds) {
        Duration half = Duration.ofSeconds(lifetimeSeconds).dividedBy(2);
        return expiresAt.minus(half.compareTo(reissueBefore) < 0 ? half : reissueBefore);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("wayfarer.wechat.qrcodes." + name + " must be a positive duration");
        }
    }
}

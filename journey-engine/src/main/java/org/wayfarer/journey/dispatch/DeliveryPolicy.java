package org.wayfarer.journey.dispatch;

import java.time.Duration;
import java.time.Instant;
import org.wayfarer.journey.channel.SendReceipt;

/**
 * What a provider's answer means for a leased row: the retry, give-up and idempotency-window rules, as pure
 * decisions. A row whose earlier attempt may have reached the provider ({@link OutboxClaim#inDoubt()}) is only ever
 * attempted again while its first attempt is younger than the channel's idempotency window; whatever would take it
 * past the window makes it UNKNOWN instead.
 */
final class DeliveryPolicy {

    /** First delay before repeating a send whose outcome is unknown; doubles per attempt like provider backoff. */
    static final Duration IN_DOUBT_RETRY = Duration.ofSeconds(2);

    private final int maxAttempts;

    DeliveryPolicy(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The receipt that stops the call before it is made, or null to go ahead. */
    OutboxReceipt beforeCall(OutboxClaim claim, Duration window, Instant now) {
        if (claim.inDoubt() && !now.isBefore(deadline(claim, window))) {
            return OutboxReceipt.unknown(claim, "window-passed", "an earlier attempt may have been delivered and the"
                    + " channel's idempotency window (" + window + " from the first attempt at "
                    + claim.firstAttemptAt() + ") has passed; not repeated");
        }
        return null;
    }

    OutboxReceipt afterCall(OutboxClaim claim, SendReceipt receipt, Duration window, Instant now) {
        int attempts = claim.message().attempts();
        if (receipt instanceof SendReceipt.Accepted accepted) {
            return OutboxReceipt.sent(claim, accepted.providerMessageId());
        }
        if (receipt instanceof SendReceipt.Rejected rejected) {
            return OutboxReceipt.refused(claim, rejected.code(), rejected.reason(), now);
        }
        if (receipt instanceof SendReceipt.RetryLater retry) {
            if (attempts >= maxAttempts) {
                String gaveUp = "gave up after " + attempts + " attempts: " + retry.reason();
                // an earlier attempt may have been delivered: REJECTED would claim it was not
                return claim.inDoubt() ? OutboxReceipt.unknown(claim, retry.code(), gaveUp)
                        : OutboxReceipt.rejected(claim, retry.code(), gaveUp);
            }
            Instant next = now.plus(backoff(retry.after(), attempts));
            if (claim.inDoubt() && !next.isBefore(deadline(claim, window))) {
                return OutboxReceipt.unknown(claim, retry.code(), retry.reason() + "; an earlier attempt may have"
                        + " been delivered and the next one would fall outside the idempotency window");
            }
            return OutboxReceipt.retry(claim, retry.code(), retry.reason(), next);
        }
        SendReceipt.Unknown unknown = (SendReceipt.Unknown) receipt;
        if (window.compareTo(Duration.ZERO) > 0 && attempts < maxAttempts) {
            Instant next = now.plus(backoff(IN_DOUBT_RETRY, attempts));
            if (next.isBefore(deadline(claim, window))) {
                return OutboxReceipt.inDoubt(claim, "unknown", unknown.reason(), next);
            }
        }
        return OutboxReceipt.unknown(claim, "unknown", unknown.reason());
    }

    private static Instant deadline(OutboxClaim claim, Duration window) {
        return claim.firstAttemptAt().plus(window);
    }

    private static Duration backoff(Duration base, int attempts) {
        return base.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 6));
    }
}

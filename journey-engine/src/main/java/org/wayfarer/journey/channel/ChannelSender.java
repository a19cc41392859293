package org.wayfarer.journey.channel;

import java.time.Duration;
import java.util.Optional;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Sends one message through one channel (SPI implemented by channel modules).
 *
 * <p>Contract: {@link Delivery#deliveryId()} is the idempotency key; pass it to the provider where it supports one
 * (WeChat template {@code client_msg_id}). Business refusals (unfollowed, bad template) are {@link SendReceipt.Rejected},
 * provider back-pressure is {@link SendReceipt.RetryLater}; a request that may have reached the provider without an
 * answer is {@link SendReceipt.Unknown}: it is repeated with the same delivery id only within the sender's
 * {@link #idempotencyWindow()}, and otherwise never resent. Implementations do not retry or sleep themselves: the
 * dispatcher owns backoff. Called from dispatcher threads, concurrently for different deliveries; must not throw for
 * provider errors.
 */
public interface ChannelSender {

    /** The channel name used in journey definitions, e.g. {@code wechat.template}. */
    String channel();

    /**
     * Which contact identity holds this channel's address; the dispatcher looks it up in the delivery's account
     * namespace (for WeChat: the openid under the sending appId). Null for a channel that needs no address (a
     * webhook): its deliveries carry the contact id as recipient and an empty account.
     */
    IdentityKind addressKind();

    SendReceipt send(Delivery delivery);

    /**
     * Why this channel cannot reach {@code reach} right now although the contact has an address on it (WeChat's kefu
     * reply window is closed or its quota spent; the follower gave no subscription consent for the message's
     * template, see {@link Reach#message()}); empty when it can (the default). Asked when a send node chooses
     * among its {@code channels}, and by the dispatcher just before {@link #send}: a send that became unreachable
     * while it waited is rejected ({@code unreachable}) without calling the provider. Must be cheap and not throw.
     */
    default Optional<String> unreachable(Reach reach) {
        return Optional.empty();
    }

    /**
     * The provider's daily quota of sends through {@code account}, if it has one; empty (the default) for none. The
     * dispatcher counts the sends it attempts per account and day and defers those over the quota to the next day.
     */
    default Optional<DailyQuota> dailyQuota(String account) {
        return Optional.empty();
    }

    /**
     * How long after the first attempt the provider is guaranteed to deliver a repeated {@link Delivery#deliveryId()}
     * at most once (it de-duplicates on the key this sender passes it). Within this window the dispatcher repeats a
     * send whose outcome is unknown (no answer, crash mid-call, expired lease) with the same delivery id, so such a
     * channel delivers exactly once; after it, or when the window is {@link Duration#ZERO} (the default: no
     * idempotency key at the provider), an unknown outcome is final ({@code UNKNOWN}, never resent: at most once).
     *
     * <p>Return a margin below what the provider documents: the window is measured from when the dispatcher first
     * claimed the row, and a repeat may start just before it ends and take up to the sender's timeout. Must be
     * constant for the sender's lifetime and never negative.
     */
    default Duration idempotencyWindow() {
        return Duration.ZERO;
    }
}

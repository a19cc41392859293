package org.wayfarer.journey.channel;

import org.wayfarer.journey.event.IdentityKind;

/**
 * Sends one message through one channel (SPI implemented by channel modules).
 *
 * <p>Contract: {@link Delivery#deliveryId()} is the idempotency key; pass it to the provider where it supports one
 * (WeChat template {@code client_msg_id}). Business refusals (unfollowed, bad template) are {@link SendReceipt.Rejected},
 * provider back-pressure is {@link SendReceipt.RetryLater}; a request that may have reached the provider without an
 * answer is {@link SendReceipt.Unknown} and is never resent. Implementations do not retry or sleep themselves: the
 * dispatcher owns backoff. Called from dispatcher threads, concurrently for different deliveries; must not throw for
 * provider errors.
 */
public interface ChannelSender {

    /** The channel name used in journey definitions, e.g. {@code wechat.template}. */
    String channel();

    /**
     * Which contact identity holds this channel's address; the dispatcher looks it up in the delivery's account
     * namespace (for WeChat: the openid under the sending appId).
     */
    IdentityKind addressKind();

    SendReceipt send(Delivery delivery);
}

package org.wayfarer.journey.channel;

import java.util.Map;

/**
 * One rendered message ready to send.
 *
 * @param deliveryId idempotency key, unique per (instance, node, step)
 * @param tenantId   owning brand
 * @param channel    channel name, e.g. {@code wechat.template}
 * @param account    the sending account within the channel (official account appId)
 * @param recipient  channel address (openid)
 * @param message    the node's {@code message} object with every template string rendered
 */
public record Delivery(long deliveryId, long tenantId, String channel, String account, String recipient,
                       Map<String, Object> message) {

    public Delivery {
        message = Map.copyOf(message);
    }
}

package org.wayfarer.journey.channel;

import java.util.Map;

/**
 * One rendered message ready to send.
 *
 * @param deliveryId idempotency key, unique per (instance, node, step)
 * @param tenantId   owning brand
 * @param channel    channel name, e.g. {@code wechat.template}
 * @param account    the sending account within the channel (official account appId)
 * @param recipient  channel address (openid); for a channel without addresses, the contact id
 * @param message    the node's {@code message} object with every template string rendered
 * @param attempt    which attempt this is, from 1 (retries after {@link SendReceipt.RetryLater} count up)
 * @param contactId  the contact it is for (a sender that checks the contact's state, e.g. a reply window, asks
 *                   with it); 0 where no contact is known (a delivery built by hand)
 */
public record Delivery(long deliveryId, long tenantId, String channel, String account, String recipient,
                       Map<String, Object> message, int attempt, long contactId) {

    public Delivery {
        message = Map.copyOf(message);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
    }

    /** An attempt of a delivery for no known contact. */
    public Delivery(long deliveryId, long tenantId, String channel, String account, String recipient,
                    Map<String, Object> message, int attempt) {
        this(deliveryId, tenantId, channel, account, recipient, message, attempt, 0);
    }

    /** A first attempt for no known contact. */
    public Delivery(long deliveryId, long tenantId, String channel, String account, String recipient,
                    Map<String, Object> message) {
        this(deliveryId, tenantId, channel, account, recipient, message, 1);
    }
}

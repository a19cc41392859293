package org.wayfarer.journey.definition;

/**
 * Sends a message. {@code account} (nullable) names the sending account; by default the account through which the
 * contact is reachable (the runtime's {@code Recipients} decide). {@code next} is nullable (the path ends: the
 * instance completes). {@code quietHours} (nullable) adds to the tenant's and the journey's.
 */
public record SendNode(String id, String channel, String account, MessageTemplate message, String next,
                       QuietHoursRule quietHours) implements Node {

    /** A send with no quiet hours of its own. */
    public SendNode(String id, String channel, String account, MessageTemplate message, String next) {
        this(id, channel, account, message, next, null);
    }
}

package org.wayfarer.journey.definition;

/**
 * Sends a message. {@code account} (nullable) names the sending account; by default the account through which the
 * contact is reachable (the runtime's {@code Recipients} decide). {@code next} is nullable (the path ends: the
 * instance completes).
 */
public record SendNode(String id, String channel, String account, MessageTemplate message, String next)
        implements Node {
}

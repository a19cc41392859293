package org.wayfarer.journey.definition;

/**
 * Sends a message. {@code account} (nullable) names the sending account; by default the account the triggering event
 * came from. {@code next} is nullable (the path ends: the instance completes).
 */
public record SendNode(String id, String channel, String account, MessageTemplate message, String next)
        implements Node {
}

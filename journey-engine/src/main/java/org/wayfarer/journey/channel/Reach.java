package org.wayfarer.journey.channel;

import java.time.Instant;

/**
 * Whom a channel would reach, asked before a send is chosen or attempted ({@link ChannelSender#unreachable}).
 *
 * @param deliveryId the send being checked (so a sender counting its own quota does not count it), or 0 when no
 *                   send exists yet
 */
public record Reach(long tenantId, long contactId, String account, String recipient, long deliveryId, Instant now) {
}

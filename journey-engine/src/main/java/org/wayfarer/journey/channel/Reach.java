package org.wayfarer.journey.channel;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * Whom a channel would reach, and with what, asked before a send is chosen or attempted
 * ({@link ChannelSender#unreachable}).
 *
 * @param deliveryId the send being checked (so a sender counting its own quota does not count it), or 0 when no
 *                   send exists yet
 * @param message    the message the channel would send, rendered, without fallbacks (a channel whose reach depends on
 *                   the message, e.g. WeChat's subscription consent per template, reads it); empty when unknown
 */
public record Reach(long tenantId, long contactId, String account, String recipient, long deliveryId, Instant now,
                    Map<String, Object> message) {

    public Reach {
        // a read-only view, not a copy: asked on every send (twice), and the message is never changed after it is
        // rendered; Map.copyOf would also refuse the JSON nulls a rendered message may hold
        message = message == null ? Map.of() : Collections.unmodifiableMap(message);
    }

    /** A reach whose message does not matter to the channel asking (e.g. a reply window). */
    public Reach(long tenantId, long contactId, String account, String recipient, long deliveryId, Instant now) {
        this(tenantId, contactId, account, recipient, deliveryId, now, Map.of());
    }
}

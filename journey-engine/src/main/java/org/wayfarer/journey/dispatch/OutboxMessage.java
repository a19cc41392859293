package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.Map;

/**
 * One queued send; {@code id} is the delivery id (the idempotency key).
 *
 * @param recipient the channel address resolved when the message was queued
 */
public record OutboxMessage(long id, long tenantId, long instanceId, long journeyId, String nodeId, int seq,
                            long contactId, String channel, String account, String recipient,
                            Map<String, Object> message, OutboxStatus status, int attempts, Instant nextAttemptAt,
                            String providerMessageId, String errorCode, String errorMessage, Instant createdAt,
                            Instant updatedAt) {
}

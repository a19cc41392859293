package org.wayfarer.journey.catalog;

import java.time.Instant;

/**
 * A frozen, published definition. {@code accepting} is true only for a journey's latest version: new entries go
 * there, while instances already running stay on the version they entered.
 */
public record PublishedVersion(long id, long tenantId, long journeyId, int version, String triggerEvent,
                               String definitionJson, boolean accepting, Instant publishedAt) {
}

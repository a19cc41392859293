package org.wayfarer.journey.catalog;

import java.time.Instant;

/**
 * A journey as the catalog presents it: its draft plus where publishing stands.
 *
 * @param publishedVersion      number of the latest published version; {@code 0} when never published
 * @param hasUnpublishedChanges true when the draft differs (as JSON, ignoring formatting) from the latest published
 *                              version; always false for a {@link JourneyStatus#DRAFT} journey
 * @param draftJson             the draft exactly as last submitted; always valid when stored through the catalog
 */
public record JourneyView(long id, String key, String name, JourneyStatus status, int publishedVersion,
                          boolean hasUnpublishedChanges, String draftJson, Instant createdAt, Instant updatedAt) {
}

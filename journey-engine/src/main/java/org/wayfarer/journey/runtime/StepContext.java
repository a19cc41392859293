package org.wayfarer.journey.runtime;

import java.time.Instant;
import org.wayfarer.journey.definition.Facts;

/**
 * What a node behaviour may look at: the facts (contact, triggering event), the engine clock's now, and the account
 * the triggering event came from (the default sender).
 */
public record StepContext(Facts facts, Instant now, String triggerSource) {
}

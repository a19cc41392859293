package org.wayfarer.journey.runtime;

import java.time.Instant;
import org.wayfarer.journey.definition.Facts;

/**
 * What a node behaviour may look at: the facts (contact, triggering event), the engine clock's now, and the id of
 * the instance taking the step (a split's draw is a function of it, so a replayed step draws the same path).
 */
public record StepContext(Facts facts, Instant now, long instanceId) {
}

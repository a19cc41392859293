package org.wayfarer.journey.definition;

/** An event type plus an optional ({@code null}) condition, used by {@code exitWhen}. */
public record EventCriterion(String event, Expression when) {
}

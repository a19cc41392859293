package org.wayfarer.journey.definition;

/** Which events start the journey; {@code when} is nullable (every event of the type). */
public record Trigger(String event, Expression when) {
}

package org.wayfarer.journey.definition;

/** Ends the instance as completed. */
public record ExitNode(String id) implements Node {
}

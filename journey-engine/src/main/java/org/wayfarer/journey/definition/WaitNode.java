package org.wayfarer.journey.definition;

import java.time.Duration;

/** Waits a fixed duration, then continues at {@code next} (nullable: the instance completes). */
public record WaitNode(String id, Duration duration, String next) implements Node {
}

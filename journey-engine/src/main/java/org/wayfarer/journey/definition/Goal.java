package org.wayfarer.journey.definition;

import java.time.Duration;

/** The conversion a journey aims at; reaching it completes the instance. {@code when} and {@code within} nullable. */
public record Goal(String event, Expression when, Duration within) {
}

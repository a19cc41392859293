package org.wayfarer.journey.definition;

import java.time.Duration;

/**
 * The conversion a journey aims at. Reaching it within {@code within} of the entry is counted once per instance;
 * with {@code exit} (the default) it also completes the instance, else the instance goes on. {@code when} and
 * {@code within} nullable.
 */
public record Goal(String event, Expression when, Duration within, boolean exit) {
}

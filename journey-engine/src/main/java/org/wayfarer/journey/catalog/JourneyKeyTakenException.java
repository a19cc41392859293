package org.wayfarer.journey.catalog;

/** A tenant tried to create a second journey with a key it already uses. */
public class JourneyKeyTakenException extends RuntimeException {

    public JourneyKeyTakenException(String key) {
        super("a journey with key '" + key + "' already exists");
    }
}

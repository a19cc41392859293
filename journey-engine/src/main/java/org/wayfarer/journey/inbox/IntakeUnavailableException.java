package org.wayfarer.journey.inbox;

/**
 * The intake could not make an event durable in time (overloaded, stopping, or the database failed). The event may
 * or may not have been stored; the caller answers with an error so the sender retries, and the retry is deduplicated.
 */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.wayfarer.journey;

/**
 * An optimistic-locking update matched no row: somebody else changed the record since it was read. The caller's
 * transaction must roll back; the work is retried from a fresh read.
 */
public class StaleDataException extends RuntimeException {

    public StaleDataException(String message) {
        super(message);
    }
}

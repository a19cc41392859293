package org.wayfarer.journey.contact;

/** The identity already belongs to a contact (a concurrent create won the race). */
public class IdentityTakenException extends RuntimeException {

    public IdentityTakenException(String message) {
        super(message);
    }
}

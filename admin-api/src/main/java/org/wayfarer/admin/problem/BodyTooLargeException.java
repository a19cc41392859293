package org.wayfarer.admin.problem;

import java.io.IOException;
import java.util.Optional;

/**
 * The request body is larger than the server takes; answered as 413. An {@link IOException}, because it is thrown
 * from the body's input stream in the middle of a read, and whoever reads (Jackson, a String converter) passes I/O
 * errors on as their cause.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** This exception in {@code failure}'s cause chain, if it is there. */
    public static Optional<BodyTooLargeException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}

package org.wayfarer.journey.catalog;

import java.util.List;
import org.wayfarer.journey.definition.ValidationProblem;

/**
 * A publish's {@code migrate} map names nodes that do not exist or cannot hold a waiting instance; nothing was
 * published. {@link #errors()} lists every bad entry at {@code /migrate/<old node id>}.
 */
public class InvalidMigrationException extends RuntimeException {

    private final List<ValidationProblem> errors;

    public InvalidMigrationException(long journeyId, List<ValidationProblem> errors) {
        super("the migration of journey " + journeyId + " has " + errors.size() + " error(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid migration has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Never empty; in the order of the map's entries. */
    public List<ValidationProblem> errors() {
        return errors;
    }
}

package org.wayfarer.journey.catalog;

/** No journey with this id exists for the tenant (it may exist for another tenant: callers must not tell). */
public class JourneyNotFoundException extends RuntimeException {

    private final long journeyId;

    public JourneyNotFoundException(long journeyId) {
        super("journey " + journeyId + " not found");
        this.journeyId = journeyId;
    }

    public long journeyId() {
        return journeyId;
    }
}

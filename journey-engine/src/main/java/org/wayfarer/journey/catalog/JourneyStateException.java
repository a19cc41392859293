package org.wayfarer.journey.catalog;

/**
 * An action a journey's lifecycle does not allow from where it stands (pausing a draft, archiving a published
 * journey, editing an archived one). The message names the journey, its status and what to do instead; the admin API
 * answers 409 with it.
 */
public class JourneyStateException extends RuntimeException {

    private final long journeyId;
    private final JourneyStatus status;
    private final LifecycleRules.Action action;

    public JourneyStateException(long journeyId, JourneyStatus status, LifecycleRules.Action action, String message) {
        super(message);
        this.journeyId = journeyId;
        this.status = status;
        this.action = action;
    }

    public long journeyId() {
        return journeyId;
    }

    /** The status the journey had when the action was refused. */
    public JourneyStatus status() {
        return status;
    }

    public LifecycleRules.Action action() {
        return action;
    }
}

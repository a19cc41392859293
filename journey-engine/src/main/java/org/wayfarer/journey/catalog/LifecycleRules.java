package org.wayfarer.journey.catalog;

/**
 * The journey lifecycle's transitions, as pure functions: which status an action leads to from each status, and the
 * precise refusal otherwise.
 *
 * <pre>
 *              publish     pause    resume     stop       archive    edit the draft
 *   DRAFT      PUBLISHED   409      409        409        ARCHIVED   yes
 *   PUBLISHED  PUBLISHED   PAUSED   409        STOPPED    409        yes
 *   PAUSED     PAUSED      409      PUBLISHED  STOPPED    409        yes
 *   STOPPED    PUBLISHED   409      409        STOPPED    ARCHIVED   yes
 *   ARCHIVED   409         409      409        409        409        409
 * </pre>
 *
 * Publishing a paused journey publishes the new version and leaves the journey paused (it takes entries once
 * resumed); publishing a stopped one always publishes a new version and starts it again. Stopping a stopped journey
 * is allowed: it ends whatever a stop cut short left running.
 */
public final class LifecycleRules {

    /** What the admin API can ask of a journey. */
    public enum Action {
        PUBLISH("published"), PAUSE("paused"), RESUME("resumed"), STOP("stopped"), ARCHIVE("archived"),
        EDIT("edited");

        private final String pastTense;

        Action(String pastTense) {
            this.pastTense = pastTense;
        }
    }

    private LifecycleRules() {
    }

    /**
     * The status {@code action} leaves a journey in that is {@code from} now.
     *
     * @throws JourneyStateException when the lifecycle does not allow it, saying why and what to do instead
     */
    public static JourneyStatus after(long journeyId, JourneyStatus from, Action action) {
        JourneyStatus to = switch (action) {
            case PUBLISH -> switch (from) {
                case DRAFT, PUBLISHED, STOPPED -> JourneyStatus.PUBLISHED;
                case PAUSED -> JourneyStatus.PAUSED;
                case ARCHIVED -> null;
            };
            case PAUSE -> from == JourneyStatus.PUBLISHED ? JourneyStatus.PAUSED : null;
            case RESUME -> from == JourneyStatus.PAUSED ? JourneyStatus.PUBLISHED : null;
            case STOP -> from == JourneyStatus.PUBLISHED || from == JourneyStatus.PAUSED
                    || from == JourneyStatus.STOPPED ? JourneyStatus.STOPPED : null;
            case ARCHIVE -> from == JourneyStatus.DRAFT || from == JourneyStatus.STOPPED
                    ? JourneyStatus.ARCHIVED : null;
            case EDIT -> from == JourneyStatus.ARCHIVED ? null : from;
        };
        if (to == null) {
            throw new JourneyStateException(journeyId, from, action, refusal(journeyId, from, action));
        }
        return to;
    }

    private static String refusal(long journeyId, JourneyStatus from, Action action) {
        String is = "journey " + journeyId + " is " + from + " and cannot be " + action.pastTense;
        if (from == JourneyStatus.ARCHIVED) {
            return is + ": an archived journey is never changed again; create a new journey instead";
        }
        return is + switch (action) {
            case PAUSE -> switch (from) {
                case DRAFT -> ": it was never published, so nothing runs to pause";
                case PAUSED -> ": it is already paused; resume it to go on";
                default -> ": a stopped journey runs nothing; publish it to start it again";
            };
            case RESUME -> switch (from) {
                case DRAFT -> ": it was never published";
                case PUBLISHED -> ": it is not paused";
                default -> ": a stopped journey cannot go on where it was; publish it to start it again";
            };
            case STOP -> ": it was never published, so nothing runs to stop; archive it instead";
            case ARCHIVE -> ": only a draft that was never published or a stopped journey can be archived; stop it "
                    + "first";
            default -> "";
        };
    }
}

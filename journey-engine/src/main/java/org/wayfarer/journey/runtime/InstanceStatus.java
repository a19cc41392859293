package org.wayfarer.journey.runtime;

/** Lifecycle of a journey instance. */
public enum InstanceStatus {
    /** Running steps right now (only inside a processing transaction). */
    ACTIVE,
    /** Parked at a wait node until {@code wake_at}. */
    WAITING,
    /** Reached an exit node, the end of a path, or the goal. */
    COMPLETED,
    /** Removed by an {@code exitWhen} criterion. */
    EXITED,
    /**
     * Its wake-up failed on every attempt ({@code max-event-attempts}); the last error is kept with the instance and
     * in the step log. Terminal, like the other ends: nothing resumes it.
     */
    FAILED;

    public boolean isLive() {
        return this == ACTIVE || this == WAITING;
    }
}

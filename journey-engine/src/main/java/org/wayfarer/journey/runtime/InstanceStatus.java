package org.wayfarer.journey.runtime;

/** Lifecycle of a journey instance. */
public enum InstanceStatus {
    /** Running steps right now (only inside a processing transaction). */
    ACTIVE,
    /**
     * Parked at a wait or waitFor node until {@code wake_at} (or an event); while its journey is paused a due timer
     * is held aside until the journey is resumed.
     */
    WAITING,
    /** Reached an exit node, the end of a path, or the goal. */
    COMPLETED,
    /** Removed by an {@code exitWhen} criterion, or by stopping its journey (end reason {@code stopped}). */
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

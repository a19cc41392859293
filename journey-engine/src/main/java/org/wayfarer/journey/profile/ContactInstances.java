package org.wayfarer.journey.profile;

import java.time.Instant;
import java.util.List;

/** A contact's journey instances, live and ended (port). Read-only, thread-safe. */
public interface ContactInstances {

    /** Up to {@code limit} of the contact's instances, the latest entered first. */
    List<InstanceSummary> forContact(long tenantId, long contactId, int limit);

    /**
     * One instance as a person reads it.
     *
     * @param status    ACTIVE, WAITING, COMPLETED, EXITED or FAILED
     * @param wakeAt    its timer, if any
     * @param endedAt   null while live
     * @param endReason null while live
     */
    record InstanceSummary(long instanceId, long journeyId, int version, String status, String currentNode,
                           Instant enteredAt, Instant updatedAt, Instant wakeAt, Instant endedAt, String endReason) {
    }
}

package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a journey's live (active or waiting) instances are now (port; read from the instance rows themselves, so it
 * is exact whatever the counters say). Thread-safe, read-only.
 */
public interface NodeOccupancy {

    /**
     * Live instances per current node id; nodes with none are left out.
     *
     * @param version one version's instances, or null for every version's
     */
    Map<String, Long> liveByNode(long tenantId, long journeyId, Integer version);

    /**
     * Up to {@code limit} live instances at {@code nodeId} (of any version) with ids above {@code afterInstanceId},
     * ascending by id.
     */
    List<Occupant> atNode(long tenantId, long journeyId, String nodeId, long afterInstanceId, int limit);

    /**
     * A live instance at a node.
     *
     * @param status    {@code ACTIVE} or {@code WAITING}
     * @param updatedAt when the instance last changed (arrived at the node, or was paused, resumed or migrated)
     * @param wakeAt    when its timer fires; null when it waits for an event only, or its timer is held (paused)
     */
    record Occupant(long instanceId, long contactId, int version, String status, Instant enteredAt,
                    Instant updatedAt, Instant wakeAt) {
    }
}

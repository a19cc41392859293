package org.wayfarer.admin.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.wayfarer.journey.stats.NodeOccupancy;

/** Who is at a node now, by instance id; {@code nextCursor} is null on the last page. */
public record NodeContactsPage(List<Occupant> items, String nextCursor) {

    /** A live instance at the node; ids are strings (they exceed JSON's safe integers). */
    public record Occupant(String contactId, String instanceId, int version,
                           @Schema(description = "ACTIVE or WAITING") String status, Instant enteredAt,
                           @Schema(description = "When the instance last changed (arrived here, paused, resumed)")
                           Instant updatedAt,
                           @Schema(description = "When its timer fires; null when it waits for an event only or "
                                   + "its journey is paused", nullable = true)
                           Instant wakeAt) {

        static Occupant of(NodeOccupancy.Occupant o) {
            return new Occupant(Long.toString(o.contactId()), Long.toString(o.instanceId()), o.version(), o.status(),
                    o.enteredAt(), o.updatedAt(), o.wakeAt());
        }
    }
}

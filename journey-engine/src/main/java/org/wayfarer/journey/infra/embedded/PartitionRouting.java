package org.wayfarer.journey.infra.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.runtime.Partitions;

/**
 * Makes the partition count safe to change between two starts of an embedded node: before the workers start, every
 * pending event that is not in its contact's partition under the current count (for instance an event stored while
 * the node ran with more partitions) is moved there, so no event is left in a partition no worker serves and a
 * contact's events stay together. Runs while nothing else processes the inbox; pages through it in id order.
 */
final class PartitionRouting {

    private static final int PAGE = 1_000;

    private PartitionRouting() {
    }

    /** @return how many pending events were moved */
    static int rerouteToCurrentCount(EventLog events, Partitions partitions) {
        int moved = 0;
        long after = 0;
        while (true) {
            List<EventLog.Route> page = events.pendingRoutes(after, PAGE);
            Map<Integer, List<Long>> byTarget = new HashMap<>();
            for (EventLog.Route route : page) {
                // an event stored before contacts were resolved at intake has no contact yet: any served partition
                int target = route.contactId() != null ? partitions.ofContact(route.contactId())
                        : Math.floorMod(route.eventId(), partitions.count());
                if (target != route.partition()) {
                    byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(route.eventId());
                }
            }
            for (Map.Entry<Integer, List<Long>> move : byTarget.entrySet()) {
                events.reroute(move.getValue(), move.getKey());
                moved += move.getValue().size();
            }
            if (page.size() < PAGE) {
                return moved;
            }
            after = page.get(page.size() - 1).eventId();
        }
    }
}

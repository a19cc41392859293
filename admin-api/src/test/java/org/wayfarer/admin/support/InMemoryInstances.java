package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;

/** {@link InstanceStore} in memory: inserts and the status counts the admin API reads. */
public final class InMemoryInstances implements InstanceStore {

    private final List<JourneyInstance> instances = new CopyOnWriteArrayList<>();

    public void clear() {
        instances.clear();
    }

    @Override
    public boolean insert(JourneyInstance instance) {
        instances.add(instance);
        return true;
    }

    @Override
    public Map<InstanceStatus, Long> countByStatus(long tenantId, long journeyId) {
        Map<InstanceStatus, Long> counts = new EnumMap<>(InstanceStatus.class);
        for (JourneyInstance i : instances) {
            if (i.tenantId() == tenantId && i.journeyId() == journeyId) {
                counts.merge(i.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public Optional<JourneyInstance> find(long tenantId, long instanceId) {
        return instances.stream().filter(i -> i.tenantId() == tenantId && i.id() == instanceId).findFirst();
    }

    @Override
    public void update(JourneyInstance instance) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public List<JourneyInstance> liveFor(long tenantId, long contactId) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public List<DueWakeup> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        throw new UnsupportedOperationException("not used by the admin API");
    }
}

package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.stats.NodeOccupancy;

/**
 * {@link InstanceStore} in memory, for unit tests; the real adapters are covered by the store contracts. Entry keys
 * are unique per (journey, contact) and timers are leased, as in the table. Thread-safe.
 */
public final class InMemoryInstanceStore implements InstanceStore, NodeOccupancy, ContactInstances {

    private final Map<Long, JourneyInstance> instances = new LinkedHashMap<>();
    private final Map<Long, Instant> leasedUntil = new HashMap<>();
    private final Map<Long, Integer> wakeAttempts = new HashMap<>();
    private final Map<Long, String> lastErrors = new HashMap<>();
    private final Map<Long, Instant> heldWakeAt = new HashMap<>();

    /** Forgets every instance, lease, held timer and wake-up failure. */
    public synchronized void clear() {
        instances.clear();
        leasedUntil.clear();
        wakeAttempts.clear();
        lastErrors.clear();
        heldWakeAt.clear();
    }

    @Override
    public synchronized boolean insert(JourneyInstance instance) {
        if (instances.containsKey(instance.id())) {
            throw new IllegalStateException("instance id " + instance.id() + " already exists");
        }
        if (entryTaken(instance)) {
            return false;
        }
        instances.put(instance.id(), instance);
        return true;
    }

    /** Keeps what the table never rewrites (journey version, contact, trigger event, entered-at). */
    @Override
    public synchronized void update(JourneyInstance instance) {
        JourneyInstance current = instances.get(instance.id());
        if (current == null || current.tenantId() != instance.tenantId()
                || current.version() != instance.version()) {
            throw new StaleDataException("journey instance " + instance.id() + " of tenant " + instance.tenantId()
                    + " was changed or removed since version " + instance.version() + " was read");
        }
        JourneyInstance updated = new JourneyInstance(current.id(), current.tenantId(), current.journeyId(),
                current.journeyVersion(), current.contactId(), instance.entryKey(), current.triggerEventId(),
                instance.status(), instance.currentNode(), instance.seq(), instance.wakeAt(), current.enteredAt(),
                instance.updatedAt(), instance.endedAt(), instance.endReason(), current.version() + 1,
                instance.context());
        if (entryTaken(updated)) {
            throw new IllegalStateException("entry key " + updated.entryKey() + " is taken for contact "
                    + updated.contactId() + " in journey " + updated.journeyId());
        }
        instances.put(updated.id(), updated);
        leasedUntil.remove(updated.id());
        wakeAttempts.remove(updated.id());
        heldWakeAt.remove(updated.id());
    }

    /** Like the table: only a WAITING row at the version read; node and seq stay as stored. */
    @Override
    public synchronized boolean recordWakeupFailure(JourneyInstance instance, int attempts, String error) {
        JourneyInstance current = instances.get(instance.id());
        if (current == null || current.tenantId() != instance.tenantId() || current.version() != instance.version()
                || current.status() != InstanceStatus.WAITING) {
            return false;
        }
        instances.put(current.id(), new JourneyInstance(current.id(), current.tenantId(), current.journeyId(),
                current.journeyVersion(), current.contactId(), instance.entryKey(), current.triggerEventId(),
                instance.status(), current.currentNode(), current.seq(), instance.wakeAt(), current.enteredAt(),
                instance.updatedAt(), instance.endedAt(), instance.endReason(), current.version() + 1,
                current.context()));
        leasedUntil.remove(current.id());
        wakeAttempts.put(current.id(), attempts);
        lastErrors.put(current.id(), error == null || error.length() <= 500 ? error : error.substring(0, 500));
        return true;
    }

    @Override
    public synchronized Optional<WakeupFailures> wakeupFailures(long tenantId, long instanceId) {
        JourneyInstance current = instances.get(instanceId);
        int attempts = wakeAttempts.getOrDefault(instanceId, 0);
        if (current == null || current.tenantId() != tenantId || attempts == 0 && lastErrors.get(instanceId) == null) {
            return Optional.empty();
        }
        return Optional.of(new WakeupFailures(attempts, lastErrors.get(instanceId)));
    }

    @Override
    public synchronized Optional<JourneyInstance> find(long tenantId, long instanceId) {
        return Optional.ofNullable(instances.get(instanceId)).filter(i -> i.tenantId() == tenantId);
    }

    @Override
    public synchronized List<JourneyInstance> liveFor(long tenantId, long contactId) {
        return instances.values().stream()
                .filter(i -> i.tenantId() == tenantId && i.contactId() == contactId && i.status().isLive())
                .sorted(Comparator.comparing(JourneyInstance::enteredAt).thenComparingLong(JourneyInstance::id))
                .toList();
    }

    @Override
    public synchronized List<DueWakeup> claimDue(Instant dueBy, Instant now, int limit, String owner,
                                                 Instant leaseUntil) {
        List<JourneyInstance> due = instances.values().stream()
                .filter(i -> i.status() == InstanceStatus.WAITING && i.wakeAt() != null && !i.wakeAt().isAfter(dueBy))
                .filter(i -> !leasedUntil.containsKey(i.id()) || leasedUntil.get(i.id()).isBefore(now))
                .sorted(Comparator.comparing(JourneyInstance::wakeAt).thenComparingLong(JourneyInstance::id))
                .limit(Columns.positive(limit)).toList();
        due.forEach(i -> leasedUntil.put(i.id(), leaseUntil));
        return due.stream().map(i -> new DueWakeup(i.tenantId(), i.id(), i.contactId(), i.wakeAt(),
                wakeAttempts.getOrDefault(i.id(), 0))).toList();
    }

    @Override
    public synchronized List<JourneyInstance> entryState(Collection<Long> contactIds) {
        return instances.values().stream()
                .filter(i -> contactIds.contains(i.contactId())
                        && (i.status().isLive() || i.entryKey().startsWith("ONCE:")))
                .sorted(Comparator.comparing(JourneyInstance::enteredAt).thenComparingLong(JourneyInstance::id))
                .toList();
    }

    /** All or nothing, like the multi-row insert: a taken entry fails the whole list. */
    @Override
    public synchronized void insertAll(List<JourneyInstance> fresh) {
        for (JourneyInstance instance : fresh) {
            if (instances.containsKey(instance.id()) || entryTaken(instance)) {
                throw new StaleDataException("entry " + instance.entryKey() + " of instance " + instance.id()
                        + " is taken");
            }
        }
        fresh.forEach(i -> instances.put(i.id(), i));
    }

    @Override
    public synchronized void updateAll(List<JourneyInstance> changed) {
        for (JourneyInstance instance : changed) {
            JourneyInstance current = instances.get(instance.id());
            if (current == null || current.tenantId() != instance.tenantId()
                    || current.version() != instance.version()) {
                throw new StaleDataException("journey instance " + instance.id() + " changed since it was read");
            }
        }
        changed.forEach(this::update);
    }

    @Override
    public synchronized List<JourneyInstance> livePage(long tenantId, long journeyId, long afterId, int limit) {
        return instances.values().stream()
                .filter(i -> i.tenantId() == tenantId && i.journeyId() == journeyId && i.status().isLive()
                        && i.id() > afterId)
                .sorted(Comparator.comparingLong(JourneyInstance::id)).limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized List<JourneyInstance> waitingAt(long tenantId, long journeyId, int belowVersion,
                                                        Collection<String> nodes, long afterId, int limit) {
        return instances.values().stream()
                .filter(i -> i.tenantId() == tenantId && i.journeyId() == journeyId
                        && i.status() == InstanceStatus.WAITING && i.journeyVersion() < belowVersion
                        && nodes.contains(i.currentNode()) && i.id() > afterId)
                .sorted(Comparator.comparingLong(JourneyInstance::id)).limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized Set<Long> updateUnchanged(List<JourneyInstance> changed) {
        Set<Long> written = new TreeSet<>();
        for (JourneyInstance instance : changed) {
            JourneyInstance current = instances.get(instance.id());
            if (current != null && current.tenantId() == instance.tenantId()
                    && current.version() == instance.version()) {
                update(instance);
                written.add(instance.id());
            }
        }
        return written;
    }

    /** Like the table: only a WAITING row still at the version, journey version and node read. */
    @Override
    public synchronized Set<Long> migrate(List<Migration> migrations) {
        Set<Long> moved = new TreeSet<>();
        for (Migration m : migrations) {
            JourneyInstance read = m.instance();
            JourneyInstance current = instances.get(read.id());
            if (current == null || current.tenantId() != read.tenantId() || current.version() != read.version()
                    || current.status() != InstanceStatus.WAITING || current.journeyVersion() != read.journeyVersion()
                    || !current.currentNode().equals(read.currentNode())) {
                continue;
            }
            instances.put(current.id(), new JourneyInstance(current.id(), current.tenantId(), current.journeyId(),
                    m.toVersion(), current.contactId(), current.entryKey(), current.triggerEventId(),
                    current.status(), m.toNode(), current.seq(), current.wakeAt(), current.enteredAt(), m.at(),
                    current.endedAt(), current.endReason(), current.version() + 1, current.context()));
            moved.add(current.id());
        }
        return moved;
    }

    @Override
    public synchronized boolean hold(JourneyInstance instance) {
        JourneyInstance current = instances.get(instance.id());
        if (current == null || current.tenantId() != instance.tenantId() || current.version() != instance.version()
                || current.status() != InstanceStatus.WAITING || current.wakeAt() == null) {
            return false;
        }
        heldWakeAt.put(current.id(), current.wakeAt());
        instances.put(current.id(), new JourneyInstance(current.id(), current.tenantId(), current.journeyId(),
                current.journeyVersion(), current.contactId(), current.entryKey(), current.triggerEventId(),
                current.status(), current.currentNode(), current.seq(), null, current.enteredAt(),
                current.updatedAt(), current.endedAt(), current.endReason(), current.version() + 1,
                current.context()));
        leasedUntil.remove(current.id());
        return true;
    }

    @Override
    public synchronized List<HeldTimer> held(long tenantId, long journeyId, int limit) {
        return heldWakeAt.entrySet().stream()
                .map(e -> new HeldTimer(instances.get(e.getKey()), e.getValue()))
                .filter(h -> h.instance().tenantId() == tenantId && h.instance().journeyId() == journeyId)
                .sorted(Comparator.comparing(HeldTimer::heldWakeAt)
                        .thenComparingLong(h -> h.instance().id()))
                .limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized Set<Long> release(List<JourneyInstance> released) {
        Set<Long> done = new TreeSet<>();
        for (JourneyInstance instance : released) {
            JourneyInstance current = instances.get(instance.id());
            Instant held = heldWakeAt.get(instance.id());
            if (current == null || held == null || current.tenantId() != instance.tenantId()
                    || current.version() != instance.version()) {
                continue;
            }
            heldWakeAt.remove(current.id());
            instances.put(current.id(), new JourneyInstance(current.id(), current.tenantId(), current.journeyId(),
                    current.journeyVersion(), current.contactId(), current.entryKey(), current.triggerEventId(),
                    current.status(), current.currentNode(), current.seq(), held, current.enteredAt(),
                    instance.updatedAt(), current.endedAt(), current.endReason(), current.version() + 1,
                    current.context()));
            done.add(current.id());
        }
        return done;
    }

    /** Every status is present in the answer, zero when the journey has no instance in it. */
    @Override
    public synchronized Optional<Instant> lastEntered(long journeyId, long contactId) {
        return instances.values().stream().filter(i -> i.journeyId() == journeyId && i.contactId() == contactId)
                .map(JourneyInstance::enteredAt).max(Instant::compareTo);
    }

    @Override
    public synchronized Map<String, Long> liveByNode(long tenantId, long journeyId, Integer version) {
        Map<String, Long> counts = new TreeMap<>();
        instances.values().stream().filter(i -> i.tenantId() == tenantId && i.journeyId() == journeyId
                        && i.status().isLive() && (version == null || i.journeyVersion() == version))
                .forEach(i -> counts.merge(i.currentNode(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized List<Occupant> atNode(long tenantId, long journeyId, String nodeId, long afterInstanceId,
                                              int limit) {
        return instances.values().stream().filter(i -> i.tenantId() == tenantId && i.journeyId() == journeyId
                        && i.status().isLive() && i.currentNode().equals(nodeId) && i.id() > afterInstanceId)
                .sorted(Comparator.comparingLong(JourneyInstance::id)).limit(limit)
                .map(i -> new Occupant(i.id(), i.contactId(), i.journeyVersion(), i.status().name(), i.enteredAt(),
                        i.updatedAt(), i.wakeAt()))
                .toList();
    }

    @Override
    public synchronized List<InstanceSummary> forContact(long tenantId, long contactId, int limit) {
        return instances.values().stream().filter(i -> i.tenantId() == tenantId && i.contactId() == contactId)
                .sorted(Comparator.comparing(JourneyInstance::enteredAt).thenComparingLong(JourneyInstance::id)
                        .reversed())
                .limit(limit)
                .map(i -> new InstanceSummary(i.id(), i.journeyId(), i.journeyVersion(), i.status().name(),
                        i.currentNode(), i.enteredAt(), i.updatedAt(), i.wakeAt(), i.endedAt(), i.endReason()))
                .toList();
    }

    private boolean entryTaken(JourneyInstance candidate) {
        return instances.values().stream().anyMatch(i -> i.id() != candidate.id()
                && i.journeyId() == candidate.journeyId() && i.contactId() == candidate.contactId()
                && i.entryKey().equals(candidate.entryKey()));
    }
}

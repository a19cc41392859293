package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.wayfarer.journey.segment.Segment;
import org.wayfarer.journey.segment.SegmentKeyTakenException;
import org.wayfarer.journey.segment.SegmentStore;

/**
 * {@link SegmentStore} in memory, for unit tests; the real adapter is covered by the store contract. Keys are unique
 * per tenant and members per segment, as in the tables. Thread-safe.
 */
public final class InMemorySegmentStore implements SegmentStore {

    private final Map<Long, Segment> segments = new LinkedHashMap<>();
    private final Map<Long, NavigableMap<Long, Member>> members = new LinkedHashMap<>();

    private record Member(long tenantId, Instant since) {
    }

    /** Forgets every segment and member. */
    public synchronized void clear() {
        segments.clear();
        members.clear();
    }

    @Override
    public synchronized void insert(Segment segment) {
        if (find(segment.tenantId(), segment.key()).isPresent()) {
            throw new SegmentKeyTakenException(segment.key());
        }
        if (segments.containsKey(segment.id())) {
            throw new IllegalStateException("segment id " + segment.id() + " already exists");
        }
        segments.put(segment.id(), segment);
    }

    @Override
    public synchronized Optional<Segment> find(long tenantId, String key) {
        return segments.values().stream().filter(s -> s.tenantId() == tenantId && s.key().equals(key)).findFirst();
    }

    @Override
    public synchronized List<Segment> list(long tenantId, long afterId, int limit) {
        return segments.values().stream().filter(s -> s.tenantId() == tenantId && s.id() > afterId)
                .sorted(Comparator.comparingLong(Segment::id)).limit(limit).toList();
    }

    @Override
    public synchronized List<Segment> listAcrossTenants(long afterId, int limit) {
        return segments.values().stream().filter(s -> s.id() > afterId)
                .sorted(Comparator.comparingLong(Segment::id)).limit(limit).toList();
    }

    @Override
    public synchronized boolean completeRefresh(long tenantId, long segmentId, long expectedSeq, Instant at) {
        Segment s = segments.get(segmentId);
        if (s == null || s.tenantId() != tenantId || s.refreshSeq() != expectedSeq) {
            return false;
        }
        segments.put(segmentId, new Segment(s.id(), s.tenantId(), s.key(), s.name(), s.filter(), s.createdAt(),
                s.updatedAt(), s.version(), expectedSeq + 1, at));
        return true;
    }

    @Override
    public synchronized List<Long> members(long tenantId, long segmentId, long afterContactId, int limit) {
        return members.getOrDefault(segmentId, new TreeMap<>()).tailMap(afterContactId, false).entrySet().stream()
                .filter(e -> e.getValue().tenantId() == tenantId).map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public synchronized void addMembers(long tenantId, long segmentId, Collection<Long> contactIds, Instant since) {
        NavigableMap<Long, Member> of = members.computeIfAbsent(segmentId, id -> new TreeMap<>());
        contactIds.forEach(id -> of.putIfAbsent(id, new Member(tenantId, since)));
    }

    @Override
    public synchronized void removeMembers(long tenantId, long segmentId, Collection<Long> contactIds) {
        NavigableMap<Long, Member> of = members.get(segmentId);
        if (of != null) {
            contactIds.forEach(id -> of.computeIfPresent(id, (k, m) -> m.tenantId() == tenantId ? null : m));
        }
    }
}

package org.wayfarer.admin.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.catalog.StoredJourney;

/** {@link JourneyStore} in memory, following the port's contract (optimistic locking, accepting flag). */
public final class InMemoryJourneyStore implements JourneyStore {

    private final Map<Long, StoredJourney> rows = new ConcurrentHashMap<>();
    private final List<PublishedVersion> versions = new ArrayList<>();
    private volatile RuntimeException failure;

    /** Makes every call fail with {@code e} until cleared, to see how failures surface. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    public synchronized List<PublishedVersion> versions() {
        return List.copyOf(versions);
    }

    public synchronized void clear() {
        rows.clear();
        versions.clear();
        failure = null;
    }

    @Override
    public Optional<StoredJourney> find(long tenantId, long journeyId) {
        check();
        return Optional.ofNullable(rows.get(journeyId)).filter(j -> j.tenantId() == tenantId);
    }

    @Override
    public Optional<StoredJourney> findByKey(long tenantId, String key) {
        check();
        return rows.values().stream().filter(j -> j.tenantId() == tenantId && j.key().equals(key)).findFirst();
    }

    @Override
    public List<StoredJourney> list(long tenantId) {
        check();
        return rows.values().stream().filter(j -> j.tenantId() == tenantId)
                .sorted(Comparator.comparing(StoredJourney::createdAt).thenComparingLong(StoredJourney::id)).toList();
    }

    @Override
    public synchronized void insert(StoredJourney journey) {
        check();
        if (findByKey(journey.tenantId(), journey.key()).isPresent()) {
            throw new JourneyKeyTakenException(journey.key());
        }
        rows.put(journey.id(), journey);
    }

    @Override
    public synchronized void update(StoredJourney journey) {
        check();
        StoredJourney current = rows.get(journey.id());
        if (current == null || current.tenantId() != journey.tenantId() || current.version() != journey.version()) {
            throw new StaleDataException("journey " + journey.id() + " changed meanwhile");
        }
        rows.put(journey.id(), new StoredJourney(journey.id(), journey.tenantId(), current.key(), journey.name(),
                journey.draftJson(), journey.publishedVersion(), current.createdAt(), journey.updatedAt(),
                journey.version() + 1));
    }

    @Override
    public synchronized void publish(PublishedVersion version) {
        check();
        versions.replaceAll(v -> v.journeyId() == version.journeyId()
                ? new PublishedVersion(v.id(), v.tenantId(), v.journeyId(), v.version(), v.triggerEvent(),
                        v.definitionJson(), false, v.publishedAt())
                : v);
        versions.add(version);
    }

    @Override
    public synchronized Optional<PublishedVersion> version(long tenantId, long journeyId, int version) {
        check();
        return versions.stream()
                .filter(v -> v.tenantId() == tenantId && v.journeyId() == journeyId && v.version() == version)
                .findFirst();
    }

    @Override
    public synchronized List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent) {
        check();
        return versions.stream()
                .filter(v -> v.tenantId() == tenantId && v.accepting() && v.triggerEvent().equals(triggerEvent))
                .toList();
    }

    private void check() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}

package org.wayfarer.journey.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.Pause;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.catalog.StoredJourney;

/**
 * {@link JourneyStore} in memory, for unit tests; the real adapters are covered by the store contracts. Thread-safe.
 */
public final class InMemoryJourneyStore implements JourneyStore {

    private final Map<Long, StoredJourney> journeys = new LinkedHashMap<>();
    private final List<PublishedVersion> versions = new ArrayList<>();
    private Consumer<String> beforeEachCall = call -> { };

    /**
     * Runs {@code hook} with the port method's name ({@code "find"}, {@code "update"}, ...) at the start of every call,
     * reads included, on the caller's thread and inside its transaction. A hook that throws makes the call fail; one
     * that calls the store acts as a concurrent writer. Lets a test inject failures, check transaction boundaries or
     * interleave an edit. {@link #clear} removes it.
     */
    public synchronized void beforeEachCall(Consumer<String> hook) {
        beforeEachCall = hook;
    }

    /** Every published version of every tenant, in the order they were published (for assertions). */
    public synchronized List<PublishedVersion> versions() {
        return List.copyOf(versions);
    }

    /** Forgets every journey, version and hook. */
    public synchronized void clear() {
        journeys.clear();
        versions.clear();
        beforeEachCall = call -> { };
    }

    @Override
    public synchronized Optional<StoredJourney> find(long tenantId, long journeyId) {
        beforeEachCall.accept("find");
        return Optional.ofNullable(journeys.get(journeyId)).filter(j -> j.tenantId() == tenantId);
    }

    @Override
    public synchronized Optional<StoredJourney> findByKey(long tenantId, String key) {
        beforeEachCall.accept("findByKey");
        return byKey(tenantId, key);
    }

    @Override
    public synchronized List<StoredJourney> list(long tenantId) {
        beforeEachCall.accept("list");
        return journeys.values().stream().filter(j -> j.tenantId() == tenantId)
                .sorted(Comparator.comparing(StoredJourney::createdAt).thenComparingLong(StoredJourney::id)).toList();
    }

    @Override
    public synchronized void insert(StoredJourney journey) {
        beforeEachCall.accept("insert");
        if (journeys.containsKey(journey.id())) {
            throw new IllegalStateException("journey id " + journey.id() + " already exists");
        }
        if (byKey(journey.tenantId(), journey.key()).isPresent()) {
            throw new JourneyKeyTakenException(journey.key());
        }
        journeys.put(journey.id(), journey);
    }

    @Override
    public synchronized void update(StoredJourney journey) {
        beforeEachCall.accept("update");
        StoredJourney current = journeys.get(journey.id());
        if (current == null || current.tenantId() != journey.tenantId() || current.version() != journey.version()) {
            throw new StaleDataException("journey " + journey.id() + " of tenant " + journey.tenantId()
                    + " was changed or removed since version " + journey.version() + " was read");
        }
        journeys.put(journey.id(), new StoredJourney(current.id(), current.tenantId(), current.key(), journey.name(),
                journey.draftJson(), journey.publishedVersion(), current.createdAt(), journey.updatedAt(),
                current.version() + 1, journey.status(), journey.pausedAt(), journey.resumedAt()));
    }

    @Override
    public synchronized void publish(PublishedVersion version) {
        beforeEachCall.accept("publish");
        boolean taken = versions.stream().anyMatch(v -> v.id() == version.id()
                || (v.journeyId() == version.journeyId() && v.version() == version.version()));
        if (taken) {
            throw new IllegalStateException("version " + version.version() + " of journey " + version.journeyId()
                    + " (id " + version.id() + ") already exists");
        }
        versions.replaceAll(v -> v.tenantId() == version.tenantId() && v.journeyId() == version.journeyId()
                ? new PublishedVersion(v.id(), v.tenantId(), v.journeyId(), v.version(), v.triggerEvent(),
                        v.definitionJson(), false, v.publishedAt())
                : v);
        versions.add(version);
    }

    @Override
    public synchronized Optional<PublishedVersion> version(long tenantId, long journeyId, int version) {
        beforeEachCall.accept("version");
        return versions.stream()
                .filter(v -> v.tenantId() == tenantId && v.journeyId() == journeyId && v.version() == version)
                .findFirst();
    }

    @Override
    public synchronized List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent) {
        beforeEachCall.accept("acceptingFor");
        return versions.stream()
                .filter(v -> v.tenantId() == tenantId && takesEntries(v) && v.triggerEvent().equals(triggerEvent))
                .sorted(Comparator.comparingLong(PublishedVersion::journeyId)).toList();
    }

    @Override
    public synchronized List<PublishedVersion> allAccepting() {
        beforeEachCall.accept("allAccepting");
        return versions.stream().filter(this::takesEntries)
                .sorted(Comparator.comparingLong(PublishedVersion::journeyId)).toList();
    }

    @Override
    public synchronized List<Pause> pauses() {
        beforeEachCall.accept("pauses");
        return journeys.values().stream().filter(j -> j.pausedAt() != null)
                .map(j -> new Pause(j.tenantId(), j.id(), j.status(), j.pausedAt(), j.resumedAt())).toList();
    }

    /** No locks here: the in-memory stores do not isolate transactions. */
    @Override
    public synchronized Optional<JourneyStatus> lockStatus(long tenantId, long journeyId) {
        beforeEachCall.accept("lockStatus");
        return Optional.ofNullable(journeys.get(journeyId)).filter(j -> j.tenantId() == tenantId)
                .map(StoredJourney::status);
    }

    /** Like the table: an accepting version of a journey that is not paused, stopped or archived (or not stored). */
    private boolean takesEntries(PublishedVersion version) {
        StoredJourney journey = journeys.get(version.journeyId());
        return version.accepting() && (journey == null || journey.status() == JourneyStatus.DRAFT
                || journey.status() == JourneyStatus.PUBLISHED);
    }

    private Optional<StoredJourney> byKey(long tenantId, String key) {
        return journeys.values().stream().filter(j -> j.tenantId() == tenantId && j.key().equals(key)).findFirst();
    }
}

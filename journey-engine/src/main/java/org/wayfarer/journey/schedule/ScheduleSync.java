package org.wayfarer.journey.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.definition.Trigger;
import org.wayfarer.journey.runtime.PublishedJourneys;

/**
 * Keeps one {@link ScheduleState} row per journey whose accepting version has a timed trigger, from the in-memory
 * trigger index: a row for a newly published journey (first due after its publish time, so a fire between publish
 * and this sync still fires), a fresh due time for a new version (between fires only: a fire in progress completes
 * on the version it started with), and no row for a journey that takes no entries any more (stopped, archived, or
 * republished with an event trigger). A paused journey keeps its row: its fire waits for the resume. Safe on several
 * nodes at once (inserts of one key and versioned writes).
 */
final class ScheduleSync {

    private static final Logger log = LoggerFactory.getLogger(ScheduleSync.class);

    private final ScheduleStore store;
    private final PublishedJourneys published;
    private final Duration dateLead;

    ScheduleSync(ScheduleStore store, PublishedJourneys published, Duration dateLead) {
        this.store = store;
        this.published = published;
        this.dateLead = dateLead;
    }

    void sync(Instant now) {
        Map<Long, PublishedJourneys.Candidate> timed = new HashMap<>();
        for (PublishedJourneys.Candidate candidate : published.timed()) {
            timed.put(candidate.version().journeyId(), candidate);
        }
        Map<Long, ScheduleState> rows = new HashMap<>();
        for (ScheduleState row : store.all()) {
            rows.put(row.journeyId(), row);
        }
        timed.forEach((journeyId, candidate) -> {
            ScheduleState row = rows.get(journeyId);
            PublishedVersion version = candidate.version();
            Trigger trigger = candidate.definition().trigger();
            // a schedule fires first at its first time from the publish on; a date sweep starts at the publish
            Instant fireAt = trigger.schedule() != null
                    ? trigger.schedule().nextAfter(version.publishedAt().minusMillis(1)) : version.publishedAt();
            Instant dueAt = trigger.schedule() != null || fireAt == null ? fireAt : fireAt.minus(dateLead);
            if (row == null) {
                if (store.insert(ScheduleState.first(journeyId, version.tenantId(), version.version(), dueAt, fireAt,
                        now))) {
                    log.info("journey {} version {}: first fire due {}", journeyId, version.version(), dueAt);
                }
            } else if (row.journeyVersion() != version.version() && !row.firing()
                    && store.update(row.republished(version.version(), dueAt, fireAt, now))) {
                log.info("journey {} version {}: next fire due {}", journeyId, version.version(), dueAt);
            }
        });
        rows.forEach((journeyId, row) -> {
            if (!timed.containsKey(journeyId) && !published.paused().isPaused(journeyId)
                    && store.delete(journeyId, row.version())) {
                log.info("journey {} takes no entries any more; its schedule is removed", journeyId);
            }
        });
    }
}

package org.wayfarer.journey.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Trigger;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.DedupeKey;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.runtime.EntryKeys;
import org.wayfarer.journey.segment.SegmentNotFoundException;
import org.wayfarer.journey.stats.CounterDelta;

/**
 * Runs one claimed fire to its end, a page of contacts per transaction: start it (its trigger event, which its
 * instances share), then for each page check the journey still takes entries (under its row lock, so a pause or stop
 * waits for the page or the page sees it), insert the page's entries waiting and due at their time, count them and
 * move the cursor, all in one commit; last, compute the next fire. A failure leaves the last committed page as the
 * resume point; whoever claims the row next (this node or another, once the lease expired) goes on from there, and a
 * page repeated enters nobody twice (the entry key). Confined to the calling thread.
 */
final class FireRun {

    /** Source and event types of the fires' trigger events. */
    static final String SOURCE = "schedule";
    static final String SCHEDULE_FIRED = "schedule.fired";
    static final String DATE_REACHED = "schedule.date_reached";

    private static final Logger log = LoggerFactory.getLogger(FireRun.class);

    private final ScheduledFires.Parts parts;
    private final ScheduledFires.Settings settings;

    FireRun(ScheduledFires.Parts parts, ScheduledFires.Settings settings) {
        this.parts = parts;
        this.settings = settings;
    }

    /** What one step of a fire came to. */
    private record Step(ScheduleState state, boolean done, JourneyStatus halted) {
    }

    /** Runs the fire of a claimed row until it completes, its journey stops taking entries, or it fails (thrown). */
    void run(ScheduleState claimed) {
        JourneyDefinition definition = parts.published().definition(claimed.tenantId(), claimed.journeyId(),
                claimed.journeyVersion());
        Trigger trigger = definition.trigger();
        ScheduleState state = claimed;
        if (!state.firing()) {
            Step started = parts.transactions().inTransaction(() -> start(claimed, definition));
            if (halted(started)) {
                return;
            }
            state = started.state();
        }
        while (true) {
            ScheduleState current = state;
            Step page;
            try {
                page = parts.transactions().inTransaction(() -> page(current, definition));
            } catch (SegmentNotFoundException e) {
                log.warn("journey {}: segment '{}' no longer exists; the fire at {} ends after {} entries",
                        current.journeyId(), trigger.segment(), current.fireAt(), current.entered());
                page = new Step(current, true, null);
            }
            if (halted(page)) {
                return;
            }
            state = page.state();
            if (page.done()) {
                complete(state, trigger);
                return;
            }
        }
    }

    /** A paused (or stopped) journey's fire gives up its lease and waits: for the resume, or for its row's removal. */
    private boolean halted(Step step) {
        if (step.halted() == null) {
            return false;
        }
        ScheduleState state = step.state();
        parts.store().update(state.released(parts.clock().instant()));
        log.info("journey {} is {}: its fire due {} waits", state.journeyId(), step.halted(), state.dueAt());
        return true;
    }

    private Step start(ScheduleState state, JourneyDefinition definition) {
        JourneyStatus status = status(state);
        if (status != JourneyStatus.PUBLISHED) {
            return new Step(state, false, status);
        }
        Instant now = parts.clock().instant();
        Trigger trigger = definition.trigger();
        Instant at;
        Instant to = null;
        if (trigger.schedule() != null) {
            // a fire that could not happen on time happens once, late: the latest of those missed
            Instant latest = trigger.schedule().latestMissed(state.dueAt().minusMillis(1), now);
            at = latest != null ? latest : state.dueAt();
        } else {
            Instant catchUpFrom = now.minus(settings.dateCatchUp());
            at = state.fireAt().isBefore(catchUpFrom) ? catchUpFrom : state.fireAt();
            Instant windowEnd = state.fireAt().plus(settings.dateWindow());
            Instant lateEnd = now.plus(settings.dateWindow());
            to = windowEnd.isAfter(lateEnd) ? windowEnd : lateEnd;
        }
        long eventId = fireEvent(state, definition, at, to, now);
        ScheduleState started = state.started(at, to, eventId, now.plus(settings.lease()), now);
        write(started);
        log.info("journey {}: fire {} started{}", state.journeyId(), at, to == null ? "" : " (entries until " + to
                + ")");
        return new Step(started.written(), false, null);
    }

    private Step page(ScheduleState state, JourneyDefinition definition) {
        JourneyStatus status = status(state);
        if (status != JourneyStatus.PUBLISHED) {
            return new Step(state, false, status);
        }
        Instant now = parts.clock().instant();
        Trigger trigger = definition.trigger();
        int size = settings.pageSize();
        List<ScheduleStore.Entry> entries = new ArrayList<>();
        long last;
        int read;
        long skipped = 0;
        if (trigger.schedule() != null) {
            List<Long> members = parts.segments().page(state.tenantId(), trigger.segment(), state.cursor(), size);
            long n = state.entered();
            for (long contactId : members) {
                entries.add(new ScheduleStore.Entry(parts.ids().nextId(), contactId,
                        settings.firstStep(state.fireAt(), n++)));
            }
            read = members.size();
            last = read == 0 ? state.cursor() : members.get(read - 1);
        } else {
            DateSweep sweep = new DateSweep(trigger.date(), state.fireAt(), state.fireTo());
            List<DateCandidates.Candidate> candidates;
            if (trigger.segment() == null) {
                candidates = parts.dates().scan(state.tenantId(), trigger.date().attribute(), sweep.monthDays(),
                        state.cursor(), size);
                read = candidates.size();
                last = read == 0 ? state.cursor() : candidates.get(read - 1).contactId();
            } else {
                List<Long> members = parts.segments().page(state.tenantId(), trigger.segment(), state.cursor(), size);
                candidates = parts.dates().of(state.tenantId(), members);
                read = members.size();
                last = read == 0 ? state.cursor() : members.get(read - 1);
            }
            for (DateCandidates.Candidate candidate : candidates) {
                DateSweep.Decision decision = sweep.decide(candidate.attributes());
                if (decision instanceof DateSweep.Enters enters) {
                    entries.add(new ScheduleStore.Entry(parts.ids().nextId(), candidate.contactId(), enters.at()));
                } else if (decision instanceof DateSweep.Unparsable) {
                    skipped++;
                }
            }
        }
        int entered = entries.isEmpty() ? 0 : parts.store().enter(new ScheduleStore.EntryBatch(state.tenantId(),
                state.journeyId(), state.journeyVersion(), definition.start(), definition.entry().policy(),
                EntryKeys.of(definition.entry().policy(), null, state.fireEventId()), state.fireEventId(), now),
                entries);
        if (entered > 0) {
            parts.counters().increment(List.of(new CounterDelta(state.tenantId(), state.journeyId(),
                    state.journeyVersion(), "", "entered", now, entered)));
        }
        ScheduleState advanced = state.advanced(last, entered, skipped, now.plus(settings.lease()), now);
        write(advanced);
        return new Step(advanced.written(), read < size, null);
    }

    private void complete(ScheduleState state, Trigger trigger) {
        Instant now = parts.clock().instant();
        ScheduleState completed;
        if (trigger.schedule() != null) {
            Instant next = trigger.schedule().nextAfter(now.isAfter(state.fireAt()) ? now : state.fireAt());
            completed = state.completed(next, next, now);
        } else {
            completed = state.completed(state.fireTo().minus(settings.dateLead()), state.fireTo(), now);
        }
        parts.transactions().run(() -> write(completed));
        log.info("journey {}: fire {} done, {} entered; next due {}", state.journeyId(), state.fireAt(),
                state.entered(), completed.dueAt());
        if (state.skipped() > 0) {
            log.warn("journey {}: {} contact(s) skipped in the fire {}: their '{}' attribute is not a date",
                    state.journeyId(), state.skipped(), state.fireAt(), trigger.date().attribute());
        }
    }

    private JourneyStatus status(ScheduleState state) {
        return parts.journeys().lockStatus(state.tenantId(), state.journeyId()).orElse(JourneyStatus.ARCHIVED);
    }

    private void write(ScheduleState next) {
        if (!parts.store().update(next)) {
            throw new StaleDataException("the schedule of journey " + next.journeyId() + " changed meanwhile (another"
                    + " node took the fire over, or the journey was republished)");
        }
    }

    /**
     * The fire's trigger event, stored processed (no worker handles it; the instances read it as their trigger),
     * keyed by journey and fire time so a repeated start reuses it.
     */
    private long fireEvent(ScheduleState state, JourneyDefinition definition, Instant at, Instant to, Instant now) {
        Trigger trigger = definition.trigger();
        String dedupe = "fire:" + state.journeyId() + ":" + at.toEpochMilli();
        Long existing = parts.events().existing(List.of(new DedupeKey(state.tenantId(), SOURCE, dedupe)))
                .get(new DedupeKey(state.tenantId(), SOURCE, dedupe));
        if (existing != null) {
            return existing;
        }
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("journey", definition.key());
        properties.put("fireAt", at.toString());
        if (trigger.segment() != null) {
            properties.put("segment", trigger.segment());
        }
        if (to != null) {
            properties.put("until", to.toString());
            properties.put("attribute", trigger.date().attribute());
        }
        long id = parts.ids().nextId();
        ContactEvent event = new ContactEvent(state.tenantId(), SOURCE, dedupe,
                trigger.schedule() != null ? SCHEDULE_FIRED : DATE_REACHED,
                new Identity(IdentityKind.EXTERNAL, SOURCE, "journey-" + state.journeyId()), null, at, properties,
                Map.of());
        parts.events().appendAll(List.of(new EventLog.NewEvent(id, event, 0, 0)), now);
        parts.events().markProcessed(List.of(id), now);
        return id;
    }
}

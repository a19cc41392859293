package org.wayfarer.journey.infra.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.BatchProcessor;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * One partition's share of the work, on one thread: take up to a batch of pending events and queued wake-ups,
 * process them as one batch; when a batch fails, re-run it item by item so only the poisoned item fails. A failed
 * event backs off exponentially and then gives up as FAILED; while it backs off, the contact's later events wait
 * behind it (the contact's order holds) and every other contact's go on, so the partition never stalls behind it.
 * A failed wake-up backs off the same way (its timer is put back, lease released, and claimed again when due) and
 * after the last attempt its instance ends FAILED.
 */
public final class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
    private static final int ERROR_WIDTH = 500;

    /** A contact whose event {@code eventId} failed and is due again at {@code retryAt}. */
    private record Blocked(long eventId, Instant retryAt) {
    }

    private final int partition;
    private final EventLog events;
    private final BatchProcessor processor;
    private final Clock clock;
    private final InboxEventBus.Settings settings;
    private final Map<Long, Blocked> blocked = new HashMap<>();
    private boolean blockedLoaded;

    public PartitionWorker(int partition, EventLog events, BatchProcessor processor, Clock clock,
                    InboxEventBus.Settings settings) {
        this.partition = partition;
        this.events = events;
        this.processor = processor;
        this.clock = clock;
        this.settings = settings;
    }

    public int partition() {
        return partition;
    }

    /** Contacts held back behind a failing event (for tests and metrics). */
    public int blockedContacts() {
        return blocked.size();
    }

    /** Processes everything that is pending now, batch after batch, and the wake-ups queued meanwhile. */
    public void drain(Queue<DueWakeup> wakeups) {
        if (!blockedLoaded) {
            loadBlocked();
        }
        retryDueBlocked();
        while (true) {
            List<DueWakeup> due = new ArrayList<>();
            for (DueWakeup w; due.size() < settings.batchSize() && (w = wakeups.poll()) != null; ) {
                due.add(w);
            }
            List<StoredEvent> pending = events.pending(partition, clock.instant(), settings.batchSize(),
                    blocked.keySet());
            if (pending.isEmpty() && due.isEmpty()) {
                return;
            }
            boolean announced = process(pending, due);
            // events the batch announced (contact changes) are pending now: a short batch goes on for them
            if (pending.size() < settings.batchSize() && wakeups.isEmpty() && !announced) {
                return;
            }
        }
    }

    /** @return whether the batch may have announced events (always after a re-run item by item) */
    private boolean process(List<StoredEvent> pending, List<DueWakeup> due) {
        try {
            return processor.process(pending, due).announced() > 0;
        } catch (Throwable batchFailure) {
            if (pending.size() + due.size() == 1) {
                pending.forEach(e -> failed(e, batchFailure));
                due.forEach(w -> wakeupFailed(w, batchFailure));
                return false;
            }
            log.warn("partition {}: a batch of {} events and {} wake-ups failed ({}); re-running them one by one",
                    partition, pending.size(), due.size(), describe(batchFailure));
        }
        for (StoredEvent event : pending) {
            if (event.contactId() != null && blocked.containsKey(event.contactId())) {
                continue; // an earlier event of this contact just failed: this one waits behind it
            }
            try {
                if (stillPending(event)) { // the batch may have failed because another worker took this one
                    processor.process(List.of(event), List.of());
                }
            } catch (Throwable e) {
                failed(event, e);
            }
        }
        for (DueWakeup wakeup : due) {
            try {
                processor.process(List.of(), List.of(wakeup));
            } catch (Throwable e) {
                wakeupFailed(wakeup, e);
            }
        }
        return true;
    }

    private boolean stillPending(StoredEvent event) {
        return events.find(event.id()).map(e -> e.status() == EventStatus.PENDING).orElse(false);
    }

    private void retryDueBlocked() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Blocked> entry : List.copyOf(blocked.entrySet())) {
            if (entry.getValue().retryAt().isAfter(now)) {
                continue;
            }
            Optional<StoredEvent> event = events.find(entry.getValue().eventId());
            if (event.isEmpty() || event.get().status() != EventStatus.PENDING) {
                blocked.remove(entry.getKey());
                continue;
            }
            try {
                processor.process(List.of(event.get()), List.of());
                blocked.remove(entry.getKey());
            } catch (Throwable e) {
                failed(event.get(), e);
            }
        }
    }

    /** After a restart the events that were backing off hold their contacts back again. */
    private void loadBlocked() {
        for (StoredEvent event : events.retrying(partition, 10_000)) {
            if (event.contactId() != null) {
                blocked.putIfAbsent(event.contactId(), new Blocked(event.id(),
                        event.nextAttemptAt() == null ? clock.instant() : event.nextAttemptAt()));
            }
        }
        blockedLoaded = true;
    }

    private void failed(StoredEvent event, Throwable cause) {
        int attempt = event.attempts() + 1;
        boolean giveUp = attempt >= settings.maxAttempts();
        Instant now = clock.instant();
        Instant retryAt = giveUp ? null : now.plus(backoff(attempt));
        log.error("event {} ({}) failed on attempt {}{}", event.id(), event.event().type(), attempt,
                giveUp ? "; giving up, it is FAILED until retried through the admin API" : "; retrying at " + retryAt,
                cause);
        try {
            events.markFailed(event.id(), describe(cause), retryAt, now);
        } catch (RuntimeException again) {
            log.error("could not record the failure of event {}; it is retried as it stands", event.id(), again);
            return;
        }
        if (event.contactId() == null) {
            return;
        }
        if (giveUp) {
            blocked.remove(event.contactId());
        } else {
            blocked.put(event.contactId(), new Blocked(event.id(), retryAt));
        }
    }

    private void wakeupFailed(DueWakeup wakeup, Throwable cause) {
        int attempt = wakeup.attempts() + 1;
        boolean giveUp = attempt >= settings.maxAttempts();
        Instant retryAt = giveUp ? null : clock.instant().plus(backoff(attempt));
        log.error("resuming instance {} failed on attempt {}{}", wakeup.instanceId(), attempt,
                giveUp ? "; giving up, the instance is FAILED" : "; retrying at " + retryAt, cause);
        try {
            if (!processor.wakeupFailed(wakeup, attempt, describe(cause), retryAt)) {
                log.info("instance {} was resumed, ended or rescheduled meanwhile; its failure is not recorded",
                        wakeup.instanceId());
            }
        } catch (RuntimeException again) {
            log.error("could not record the failed wake-up of instance {}; it is retried when its timer lease expires",
                    wakeup.instanceId(), again);
        }
    }

    private Duration backoff(int attempt) {
        Duration delay = settings.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= ERROR_WIDTH ? text : text.substring(0, ERROR_WIDTH);
    }
}

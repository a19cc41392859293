package org.wayfarer.channel.wechat.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.IntakeResult;

/**
 * An {@link EventIntake} that keeps accepted events in memory and honours the (tenant, source, dedupe key) contract.
 * Can be told to fail, standing in for a database outage. Thread-safe.
 */
public final class RecordingEventIntake implements EventIntake {

    private final AtomicLong ids = new AtomicLong(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final List<ContactEvent> accepted = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public IntakeResult accept(ContactEvent event) {
        calls.incrementAndGet();
        RuntimeException fail = failure;
        if (fail != null) {
            throw fail;
        }
        String key = event.tenantId() + "|" + event.source() + "|" + event.dedupeKey();
        long id = ids.getAndIncrement();
        Long previous = seen.putIfAbsent(key, id);
        if (previous != null) {
            return new IntakeResult.Duplicate(previous);
        }
        accepted.add(event);
        return new IntakeResult.Accepted(id);
    }

    /** Events accepted (not duplicates), in order. */
    public List<ContactEvent> events() {
        return List.copyOf(accepted);
    }

    /** How often {@link #accept} was called, duplicates and failures included. */
    public int calls() {
        return calls.get();
    }

    /** Every later call throws {@code failure} ({@code null}: work again). */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public void clear() {
        failure = null;
        calls.set(0);
        seen.clear();
        accepted.clear();
    }
}

package org.wayfarer.journey.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * {@link StepLog} in memory, for unit tests; the real adapters are covered by the store contracts. A batch is stored
 * whole or not at all; details are cut to the column's 255 characters. Thread-safe.
 */
public final class InMemoryStepLog implements StepLog {

    private static final int DETAIL_WIDTH = 255;

    private final List<StepRecord> steps = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();

    /** Forgets every step. */
    public synchronized void clear() {
        steps.clear();
        ids.clear();
    }

    @Override
    public synchronized void append(List<StepRecord> records) {
        Set<Long> batch = new HashSet<>();
        for (StepRecord r : records) {
            if (ids.contains(r.id()) || !batch.add(r.id())) {
                throw new IllegalStateException("step id " + r.id() + " already exists");
            }
        }
        for (StepRecord r : records) {
            steps.add(new StepRecord(r.id(), r.tenantId(), r.instanceId(), r.journeyId(), r.journeyVersion(),
                    r.contactId(), r.nodeId(), r.seq(), r.outcome(), Columns.truncate(r.detail(), DETAIL_WIDTH),
                    r.at()));
        }
        ids.addAll(batch);
    }

    @Override
    public synchronized List<StepRecord> forContact(long tenantId, long contactId, int limit) {
        return steps.stream().filter(s -> s.tenantId() == tenantId && s.contactId() == contactId)
                .sorted(Comparator.comparing(StepRecord::at).thenComparingLong(StepRecord::id).reversed())
                .limit(Columns.positive(limit)).toList();
    }

    /** Every step, in the order appended. */
    public synchronized List<StepRecord> all() {
        return List.copyOf(steps);
    }
}

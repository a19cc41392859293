package org.wayfarer.admin.support;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

/** {@link StepLog} in memory. */
public final class InMemoryStepLog implements StepLog {

    private final List<StepRecord> steps = new CopyOnWriteArrayList<>();

    public void clear() {
        steps.clear();
    }

    @Override
    public void append(List<StepRecord> records) {
        steps.addAll(records);
    }

    @Override
    public List<StepRecord> forContact(long tenantId, long contactId, int limit) {
        return steps.stream().filter(s -> s.tenantId() == tenantId && s.contactId() == contactId)
                .sorted(Comparator.comparing(StepRecord::at).reversed()).limit(limit).toList();
    }
}

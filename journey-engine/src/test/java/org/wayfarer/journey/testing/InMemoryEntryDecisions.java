package org.wayfarer.journey.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.runtime.EntryDecision;
import org.wayfarer.journey.runtime.EntryDecisions;

/** {@link EntryDecisions} in memory, for unit tests: the latest decision per (contact, journey). Thread-safe. */
public final class InMemoryEntryDecisions implements EntryDecisions {

    private final Map<String, EntryDecision> latest = new LinkedHashMap<>();

    /** Forgets every decision. */
    public synchronized void clear() {
        latest.clear();
    }

    @Override
    public synchronized void record(List<EntryDecision> decisions) {
        decisions.forEach(d -> latest.put(d.contactId() + ":" + d.journeyId(), d));
    }

    @Override
    public synchronized List<EntryDecision> forContact(long tenantId, long contactId) {
        return latest.values().stream().filter(d -> d.tenantId() == tenantId && d.contactId() == contactId)
                .sorted(Comparator.comparing(EntryDecision::at).reversed()).toList();
    }
}

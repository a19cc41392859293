package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.stats.JourneyFunnel;

/**
 * {@link JourneyFunnel} over an {@link InMemoryStepLog}, walking each instance's steps in order: the reference the SQL
 * adapter is checked against, and the funnel of the admin API's in-memory tests.
 */
public final class InMemoryJourneyFunnel implements JourneyFunnel {

    private final InMemoryStepLog steps;

    public InMemoryJourneyFunnel(InMemoryStepLog steps) {
        this.steps = steps;
    }

    @Override
    public List<Long> reached(long tenantId, long journeyId, Integer version, List<String> nodes, Instant from,
                              Instant to) {
        Map<Long, List<StepRecord>> byInstance = steps.all().stream()
                .filter(s -> s.tenantId() == tenantId && s.journeyId() == journeyId)
                .collect(Collectors.groupingBy(StepRecord::instanceId));
        List<Set<Long>> contacts = new ArrayList<>();
        nodes.forEach(node -> contacts.add(new HashSet<>()));
        for (List<StepRecord> instanceSteps : byInstance.values()) {
            for (StepRecord first : instanceSteps) {
                if (first.nodeId().equals(nodes.get(0)) && first.seq() > 0
                        && (version == null || first.journeyVersion() == version)
                        && (from == null || !first.at().isBefore(from)) && (to == null || first.at().isBefore(to))) {
                    follow(instanceSteps, first, nodes, contacts);
                }
            }
        }
        return contacts.stream().map(set -> (long) set.size()).toList();
    }

    /** Greedy: the earliest later visit of each next node keeps every longer chain possible. */
    private static void follow(List<StepRecord> instanceSteps, StepRecord first, List<String> nodes,
                               List<Set<Long>> contacts) {
        contacts.get(0).add(first.contactId());
        int seq = first.seq();
        for (int k = 1; k < nodes.size(); k++) {
            String node = nodes.get(k);
            int after = seq;
            int next = instanceSteps.stream().filter(s -> s.nodeId().equals(node) && s.seq() > after)
                    .mapToInt(StepRecord::seq).min().orElse(-1);
            if (next < 0) {
                return;
            }
            contacts.get(k).add(first.contactId());
            seq = next;
        }
    }
}

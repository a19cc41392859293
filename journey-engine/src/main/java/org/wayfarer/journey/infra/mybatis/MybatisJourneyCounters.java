package org.wayfarer.journey.infra.mybatis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * {@link JourneyCounters} on the {@code journey_counter} table, one row per (journey, node, metric, hour, shard).
 * Every follow increments the same few counters, and the row lock is held until the step's transaction commits; so
 * each writing thread gets its own shard (like a {@link java.util.concurrent.atomic.LongAdder} cell) and concurrent
 * steps never queue on one row. Reads sum the shards. Thread-safe; joins the caller's transaction. Public only for
 * the Spring wiring: depend on the port.
 */
public final class MybatisJourneyCounters implements JourneyCounters {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int ROWS_PER_STATEMENT = 500;
    private static final int SHARDS = 64;
    private static final AtomicInteger NEXT_SHARD = new AtomicInteger();
    private static final ThreadLocal<Integer> SHARD = ThreadLocal.withInitial(() ->
            Math.floorMod(NEXT_SHARD.getAndIncrement(), SHARDS));
    private static final Comparator<Key> KEY_ORDER = Comparator.comparingLong(Key::journeyId)
            .thenComparing(Key::nodeId).thenComparing(Key::metric).thenComparingLong(Key::bucket)
            .thenComparingLong(Key::tenantId);

    private final JourneyCounterMapper counters;
    private final Transactions transactions;

    public MybatisJourneyCounters(JourneyCounterMapper counters, Transactions transactions) {
        this.counters = counters;
        this.transactions = transactions;
    }

    /**
     * Deltas of one bucket are added up first (one statement cannot touch a key twice), then upserted in key order,
     * so concurrent steps lock the same counter rows in the same order and cannot deadlock each other.
     */
    @Override
    public void increment(List<CounterDelta> deltas) {
        Map<Key, Long> merged = new TreeMap<>(KEY_ORDER);
        for (CounterDelta delta : deltas) {
            long at = delta.at().toEpochMilli();
            Key key = new Key(delta.tenantId(), delta.journeyId(), delta.nodeId(), delta.metric(),
                    at - Math.floorMod(at, HOUR));
            merged.merge(key, delta.amount(), Long::sum);
        }
        List<JourneyCounterRow> rows = new ArrayList<>();
        int shard = SHARD.get();
        merged.forEach((key, amount) -> {
            if (amount != 0) {
                rows.add(key.toRow(shard, amount));
            }
        });
        if (!rows.isEmpty()) {
            transactions.run(() -> Columns.inChunks(rows, ROWS_PER_STATEMENT, counters::upsertAll));
        }
    }

    @Override
    public Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Instant from, Instant to) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (JourneyCounterRow row : counters.sum(tenantId, journeyId, Columns.millis(from), Columns.millis(to))) {
            sums.computeIfAbsent(row.getNodeId(), node -> new TreeMap<>()).put(row.getMetric(), row.getAmount());
        }
        sums.replaceAll((node, metrics) -> Collections.unmodifiableMap(metrics));
        return Collections.unmodifiableMap(sums);
    }

    /** The table's primary key plus the owning tenant. */
    private record Key(long tenantId, long journeyId, String nodeId, String metric, long bucket) {

        JourneyCounterRow toRow(int shard, long amount) {
            JourneyCounterRow row = new JourneyCounterRow();
            row.setTenantId(tenantId);
            row.setJourneyId(journeyId);
            row.setNodeId(nodeId);
            row.setMetric(metric);
            row.setBucket(bucket);
            row.setShard(shard);
            row.setAmount(amount);
            return row;
        }
    }
}

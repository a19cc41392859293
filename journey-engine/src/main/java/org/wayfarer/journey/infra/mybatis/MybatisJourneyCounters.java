package org.wayfarer.journey.infra.mybatis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * {@link JourneyCounters} on the {@code journey_counter} table, one row per (journey, version, node, metric, hour,
 * shard).
 * Every follow increments the same few counters, and the row lock is held until the step's transaction commits; so
 * each writing thread gets its own shard (like a {@link java.util.concurrent.atomic.LongAdder} cell) and concurrent
 * steps never queue on one row. Reads sum the shards. Thread-safe; joins the caller's transaction. Public only for
 * the Spring wiring: depend on the port.
 */
public final class MybatisJourneyCounters implements JourneyCounters {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int SHARDS = 64;
    private static final AtomicInteger NEXT_SHARD = new AtomicInteger();
    private static final ThreadLocal<Integer> SHARD = ThreadLocal.withInitial(() ->
            Math.floorMod(NEXT_SHARD.getAndIncrement(), SHARDS));
    private static final Comparator<Key> KEY_ORDER = Comparator.comparingLong(Key::journeyId)
            .thenComparingInt(Key::version).thenComparing(Key::nodeId).thenComparing(Key::metric)
            .thenComparingLong(Key::bucket)
            .thenComparingLong(Key::tenantId);

    /** Adds the amount to its bucket, creating it if needed: MySQL syntax that H2 accepts in MySQL mode. */
    private static final String UPSERT = """
            INSERT INTO journey_counter (tenant_id, journey_id, journey_version, node_id, metric, bucket, shard, amount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)
            """;

    /**
     * Adds to a bucket that exists: the common case (a bucket is an hour of one shard). H2 runs an upsert as an insert
     * that fails on the key first, at about four times the cost of this update.
     */
    private static final String ADD = """
            UPDATE journey_counter SET amount = amount + ?
             WHERE journey_id = ? AND journey_version = ? AND node_id = ? AND metric = ? AND bucket = ? AND shard = ?
            """;

    private final JourneyCounterMapper counters;
    private final JdbcTemplate jdbc;
    private final Transactions transactions;

    public MybatisJourneyCounters(JourneyCounterMapper counters, JdbcTemplate jdbc, Transactions transactions) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Deltas of one bucket are added up first (one statement cannot touch a key twice), then added in key order, so
     * concurrent steps lock the same counter rows in the same order and cannot deadlock each other: one JDBC batch of
     * updates, then an upsert batch for the buckets the updates did not find (the first increment of a bucket, or a
     * bucket another transaction creates meanwhile: the upsert adds to it then).
     */
    @Override
    public void increment(List<CounterDelta> deltas) {
        Map<Key, Long> merged = new TreeMap<>(KEY_ORDER);
        for (CounterDelta delta : deltas) {
            long at = delta.at().toEpochMilli();
            Key key = new Key(delta.tenantId(), delta.journeyId(), delta.journeyVersion(), delta.nodeId(),
                    delta.metric(), at - Math.floorMod(at, HOUR));
            merged.merge(key, delta.amount(), Long::sum);
        }
        List<Map.Entry<Key, Long>> rows = new ArrayList<>();
        merged.entrySet().forEach(entry -> {
            if (entry.getValue() != 0) {
                rows.add(entry);
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        int shard = SHARD.get();
        transactions.run(() -> {
            boolean[] added = JdbcBatch.update(jdbc, ADD, rows, (p, row) -> p.add(row.getValue())
                    .add(row.getKey().journeyId()).add(row.getKey().version()).add(row.getKey().nodeId())
                    .add(row.getKey().metric()).add(row.getKey().bucket()).add(shard));
            List<Map.Entry<Key, Long>> missing = new ArrayList<>();
            for (int i = 0; i < added.length; i++) {
                if (!added[i]) {
                    missing.add(rows.get(i));
                }
            }
            JdbcBatch.run(jdbc, UPSERT, missing, (p, row) -> p.add(row.getKey().tenantId())
                    .add(row.getKey().journeyId()).add(row.getKey().version()).add(row.getKey().nodeId())
                    .add(row.getKey().metric()).add(row.getKey().bucket()).add(shard).add(row.getValue()));
        });
    }

    @Override
    public Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Integer version, Instant from,
                                              Instant to) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (JourneyCounterRow row : counters.sum(tenantId, journeyId, version, Columns.millis(from),
                Columns.millis(to))) {
            sums.computeIfAbsent(row.getNodeId(), node -> new TreeMap<>()).put(row.getMetric(), row.getAmount());
        }
        sums.replaceAll((node, metrics) -> Collections.unmodifiableMap(metrics));
        return Collections.unmodifiableMap(sums);
    }

    @Override
    public SortedMap<Instant, Map<String, Long>> journeyLevelByHour(long tenantId, long journeyId, Integer version,
                                                                   Instant from, Instant to) {
        SortedMap<Instant, Map<String, Long>> hours = new TreeMap<>();
        for (JourneyCounterRow row : counters.journeyLevelByHour(tenantId, journeyId, version, Columns.millis(from),
                Columns.millis(to))) {
            hours.computeIfAbsent(Instant.ofEpochMilli(row.getBucket()), hour -> new TreeMap<>())
                    .put(row.getMetric(), row.getAmount());
        }
        return Collections.unmodifiableSortedMap(hours);
    }

    /** The table's primary key (but the shard) plus the owning tenant. */
    private record Key(long tenantId, long journeyId, int version, String nodeId, String metric, long bucket) {
    }
}

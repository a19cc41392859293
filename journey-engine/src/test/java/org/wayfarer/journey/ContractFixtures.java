package org.wayfarer.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values that keep the port contract tests independent while they share one database per adapter.
 *
 * <p>Tenant-scoped reads are isolated by a fresh tenant per test. The few global queries (due timers, due outbox rows,
 * abandoned leases, an event partition) are isolated in time instead: each test lives in its own "era", a day that
 * starts before every era handed out so far. Rows other tests left behind lie in later eras, so they are never due at
 * any instant of the current test, and no table has to be emptied between tests.
 */
public final class ContractFixtures {

    private static final AtomicLong IDS = new AtomicLong(1_000_000L);
    private static final AtomicInteger PARTITIONS = new AtomicInteger(100_000);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final AtomicLong ERA = new AtomicLong(Instant.parse("2040-01-01T00:00:00Z").toEpochMilli());

    private ContractFixtures() {
    }

    /** A fresh id for a tenant or a row, unique within this JVM. */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /** An event-log partition no other test uses. */
    public static int nextPartition() {
        return PARTITIONS.incrementAndGet();
    }

    /** The start of a day earlier than every era handed out before; whole milliseconds, on an hour boundary. */
    public static Instant nextEra() {
        return Instant.ofEpochMilli(ERA.addAndGet(-DAY));
    }
}

package org.wayfarer.bench.engine;

import java.sql.SQLException;
import java.util.Arrays;
import org.wayfarer.bench.probe.CpuTime;
import org.wayfarer.bench.probe.JdbcCounts;

/**
 * The two timer measurements of docs/architecture/overview.md section 6 on copies of waiting instances ({@link WaitingInstances}), with the
 * engine's own timer machinery doing the work:
 * <ul>
 *   <li><b>steady</b>: {@code rate} instances due per second for {@code seconds}; lateness is when the instance was
 *       resumed (its {@code ended_at}: the journey exits right after the wait) minus its due time;</li>
 *   <li><b>burst</b>: {@code count} instances made due by one commit; how long until every one was resumed.</li>
 * </ul>
 * Copies are first inserted far in the future, so inserting them costs the engine nothing, then rescheduled.
 */
final class TimerPhase {

    /** Far enough ahead that nothing claims a copy before it is rescheduled. */
    private static final long FAR_MILLIS = 365L * 24 * 3600 * 1000;

    /**
     * @param count           instances measured
     * @param resumed         of which resumed within the wait
     * @param allResumedSec   burst: from the commit that made them due to the last one resumed (NaN if not all were)
     * @param lateMillis      lateness p50, p99, max in ms (an instance not resumed counts as infinitely late)
     * @param commitLateMs    steady: how long after the first due time the reschedule committed (should be < 0)
     * @param cpuNanos        CPU this JVM used from the due commit until the end of the wait
     * @param jdbc            the engine's statements and commits meanwhile
     * @param insertPerSecond copies inserted per second (the bench's SQL, not the engine's)
     */
    record Result(int count, int resumed, double allResumedSec, double[] lateMillis, double commitLateMs,
                  long cpuNanos, JdbcCounts.Snapshot jdbc, double insertPerSecond) {
    }

    private final WaitingInstances instances;
    private final JdbcCounts counts;
    private long nextCopy;

    TimerPhase(WaitingInstances instances, JdbcCounts counts) {
        this.instances = instances;
        this.counts = counts;
    }

    /** {@code rate} due per second for {@code seconds}, the first due {@code lead} after the reschedule began. */
    Result steady(double rate, double seconds, double timeoutSeconds) throws SQLException {
        int count = (int) Math.round(rate * seconds);
        long first = take(count);
        double insertRate = insertFar(first, count);
        // leave time for the reschedule (about as costly as the insert) to commit before the first is due
        long lead = 1000 + Math.round(1500.0 * count / insertRate);
        long t0 = System.currentTimeMillis() + lead;
        long[] due = new long[count];
        for (int i = 0; i < count; i++) {
            due[i] = t0 + Math.round(i * 1000.0 / rate);
        }
        instances.reschedule(first, count, i -> due[i]);
        long committed = System.currentTimeMillis();
        long cpu = CpuTime.processNanos();
        JdbcCounts.Snapshot jdbc = counts.snapshot();
        long deadline = due[count - 1] + Math.round(timeoutSeconds * 1000);
        awaitResumed(first, count, deadline);
        long[] ended = instances.endedAt(first, count);
        long[] late = new long[count];
        int resumed = 0;
        for (int i = 0; i < count; i++) {
            late[i] = ended[i] == 0 ? Long.MAX_VALUE : ended[i] - due[i];
            resumed += ended[i] == 0 ? 0 : 1;
        }
        Result result = new Result(count, resumed, Double.NaN, percentiles(late), committed - t0,
                cpu < 0 ? -1 : CpuTime.processNanos() - cpu, counts.snapshot().minus(jdbc), insertRate);
        if (resumed < count) {
            // the burst comes next: what is left of this run must not compete with it
            int missed = instances.park(first, count, System.currentTimeMillis() + FAR_MILLIS);
            System.out.printf("[bench] %d not resumed within the wait, parked a year ahead (%d met a lock)%n",
                    count - resumed, missed);
        }
        return result;
    }

    /** {@code count} instances made due at once by one update; waits at most {@code timeoutSeconds} for them. */
    Result burst(int count, double timeoutSeconds) throws SQLException {
        long first = take(count);
        double insertRate = insertFar(first, count);
        long cpu = CpuTime.processNanos();
        JdbcCounts.Snapshot jdbc = counts.snapshot();
        instances.dueAt(first, count, System.currentTimeMillis());
        long visible = System.currentTimeMillis();
        awaitResumed(first, count, visible + Math.round(timeoutSeconds * 1000));
        long[] ended = instances.endedAt(first, count);
        long[] late = new long[count];
        int resumed = 0;
        long last = 0;
        for (int i = 0; i < count; i++) {
            late[i] = ended[i] == 0 ? Long.MAX_VALUE : ended[i] - visible;
            resumed += ended[i] == 0 ? 0 : 1;
            last = Math.max(last, ended[i]);
        }
        double all = resumed == count ? Math.max(0, last - visible) / 1000.0 : Double.NaN;
        return new Result(count, resumed, all, percentiles(late), 0,
                cpu < 0 ? -1 : CpuTime.processNanos() - cpu, counts.snapshot().minus(jdbc), insertRate);
    }

    private long take(int count) {
        long first = nextCopy;
        nextCopy += count;
        return first;
    }

    private double insertFar(long first, int count) throws SQLException {
        long far = System.currentTimeMillis() + FAR_MILLIS;
        long started = System.nanoTime();
        instances.insert(first, count, i -> far);
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private void awaitResumed(long first, int count, long deadlineMillis) throws SQLException {
        while (instances.remaining(first, count) > 0 && System.currentTimeMillis() < deadlineMillis) {
            EntryPhase.pause(500); // a count over the range costs the engine CPU: not too often
        }
    }

    /** p50, p99, max in ms; {@code Long.MAX_VALUE} entries (never resumed) give infinity. */
    static double[] percentiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.99), at(sorted, 1.0)};
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = Math.min(sorted.length, Math.max(1, (int) Math.ceil(q * sorted.length)));
        long value = sorted[rank - 1];
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value;
    }
}

package org.wayfarer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** Percentiles (nearest rank), CPU accounting and number formatting for the report. Stateless. */
final class Stats {

    private Stats() {
    }

    /** The {@code q} quantile (0..1) of already sorted values, nearest rank; 0 for no values. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** p50, p90, p99 and max of nanosecond values, in milliseconds; all NaN when there are none. */
    static double[] summaryMillis(long[] nanos) {
        if (nanos.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {
            percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.99) / 1e6,
            sorted[sorted.length - 1] / 1e6
        };
    }

    /** The machine's 1-minute load average; NaN where the OS does not provide it. */
    static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    /**
     * CPU time the whole machine has spent busy so far (all processes, all cores; {@code /proc/stat}, assuming
     * Linux's USER_HZ of 100), in nanoseconds; -1 where there is no {@code /proc/stat}.
     */
    static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Cores kept busy by other processes over the next second (this JVM idles meanwhile); NaN if unknown. */
    static double otherCoresBusy() {
        long machine = machineBusyNanos();
        long own = ownCpuNanos();
        long started = System.nanoTime();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (machine < 0 || own < 0) {
            return Double.NaN;
        }
        long others = (machineBusyNanos() - machine) - (ownCpuNanos() - own);
        return Math.max(0, others) / (double) (System.nanoTime() - started);
    }

    /** CPU time this JVM has used so far, in nanoseconds; -1 if unknown. */
    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (Double.isInfinite(millis)) {
            return "never"; // a timer lateness where some were not resumed within the wait
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : millis < 100 ? "%.1f ms" : "%.0f ms", millis);
    }

    /** A difference of two latencies, with its sign: {@code +0.85 ms}, {@code -0.10 ms}. */
    static String signedMs(double millis) {
        return Double.isNaN(millis) ? "-" : (millis >= 0 ? "+" : "-") + ms(Math.abs(millis));
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f/s", perSecond);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}

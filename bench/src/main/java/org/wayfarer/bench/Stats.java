package org.wayfarer.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles (nearest rank) and number formatting for the report. Stateless. */
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

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : millis < 100 ? "%.1f ms" : "%.0f ms", millis);
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

package org.wayfarer.journey.infra.embedded;

import java.time.Duration;

/**
 * How hard one compaction pass of the embedded H2 file may work (see {@link H2FileCompaction}).
 *
 * @param rewriteBelowFillRate rewrite while the chunks' fill rate is below this percentage (1..100)
 * @param rewriteBytes         live bytes one rewrite call may copy; bounds how long it holds the store's commit lock
 * @param passBudget           how long one pass's rewrite calls may hold the commit lock in total (a pass starts no
 *                             further rewrite after that)
 * @param moveBelowFillRate    move chunks into holes when the file's fill rate is below this percentage (1..100) and
 *                             nothing was committed since the last pass; below half of it while writers commit
 * @param moveBytes            bytes of chunks one move call may relocate
 */
public record CompactionSettings(int rewriteBelowFillRate, int rewriteBytes, Duration passBudget,
                                 int moveBelowFillRate, int moveBytes) {

    public CompactionSettings {
        requirePercent("rewriteBelowFillRate", rewriteBelowFillRate);
        requirePercent("moveBelowFillRate", moveBelowFillRate);
        if (rewriteBytes <= 0 || moveBytes <= 0) {
            throw new IllegalArgumentException("rewriteBytes and moveBytes must be > 0, got " + rewriteBytes
                    + " and " + moveBytes);
        }
        if (passBudget == null || passBudget.isNegative() || passBudget.isZero()) {
            throw new IllegalArgumentException("passBudget must be > 0, got " + passBudget);
        }
    }

    private static void requirePercent(String name, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(name + " must be within 1..100, got " + value);
        }
    }
}

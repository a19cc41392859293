package org.wayfarer.bench.probe;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time of this JVM process (all threads, user + system), for per-operation costs; -1 where the OS hides it. */
public final class CpuTime {

    private CpuTime() {
    }

    public static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos;
            }
        }
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}

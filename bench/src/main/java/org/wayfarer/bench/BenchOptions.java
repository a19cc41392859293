package org.wayfarer.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line flags of {@link FollowBench}; every number has a default so that a bare invocation runs all three
 * runs in about three minutes on a 2-core machine.
 *
 * @param follows       follow callbacks per measured phase (open loop and closed loop each)
 * @param rate          open-loop rate, callbacks per second
 * @param warmup        unmeasured follows sent at the open-loop rate before measuring (JIT, token, connections)
 * @param clients       concurrent clients of the closed-loop (max intake) phase
 * @param crashSeconds  how long the crash run drives follows before it kills the server
 * @param runs          which runs to do
 * @param sendRate      Wayfarer's per-account send budget ({@code wayfarer.engine.send-rate-per-second})
 * @param serverHeap    {@code -Xmx} of the forked servers
 * @param drainSeconds  longest wait for outstanding template sends after a phase
 * @param keepTemp      keep the temp dir (data dirs, server logs) even after a clean run
 * @param profile       record the Wayfarer server with Java Flight Recorder (implies keepTemp)
 * @param serverArgs    extra {@code name=value} properties for the Wayfarer server, e.g. to try a setting
 */
record BenchOptions(int follows, double rate, int warmup, int clients, double crashSeconds, Set<Run> runs,
                    double sendRate, String serverHeap, int drainSeconds, boolean keepTemp, boolean profile,
                    List<String> serverArgs) {

    enum Run {
        WAYFARER, BASELINE, CRASH
    }

    static final String USAGE = """
            Usage: bench/run.sh [flags]          (or: java -cp <classpath> org.wayfarer.bench.FollowBench [flags])
              --follows N        follow callbacks per measured phase (default 3000)
              --rate R           open-loop callbacks per second (default 500; 1000 checks the 50 ms budget)
              --warmup N         unmeasured follows before measuring (default 1500)
              --clients C        concurrent clients of the max-intake phase (default 32)
              --runs LIST        any of wayfarer,baseline,crash (default all three)
              --crash            only the crash run (same as --runs crash)
              --crash-seconds S  drive follows for S seconds before kill -9 (default 3)
              --send-rate R      Wayfarer's per-account send budget per second (default 5000)
              --server-heap H    -Xmx of the forked servers (default 1g)
              --drain-seconds S  longest wait for outstanding sends after a phase (default 60)
              --keep-temp        keep data dirs and server logs after a clean run
              --profile          record the servers with Java Flight Recorder (files kept in the temp dir)
              --server-arg P=V   extra property for the Wayfarer server (repeatable), e.g.
                                 --server-arg spring.datasource.hikari.maximum-pool-size=32
            """;

    static BenchOptions parse(String[] args) {
        int follows = 3000;
        double rate = 500;
        int warmup = 1500;
        int clients = 32;
        double crashSeconds = 3;
        Set<Run> runs = EnumSet.allOf(Run.class);
        double sendRate = 5000;
        String heap = "1g";
        int drain = 60;
        boolean keep = false;
        boolean profile = false;
        List<String> serverArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--follows" -> follows = positiveInt(flag, value(args, ++i, flag));
                case "--rate" -> rate = positiveDouble(flag, value(args, ++i, flag));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, flag));
                case "--clients" -> clients = positiveInt(flag, value(args, ++i, flag));
                case "--runs" -> runs = runs(value(args, ++i, flag));
                case "--crash" -> runs = EnumSet.of(Run.CRASH);
                case "--crash-seconds" -> crashSeconds = positiveDouble(flag, value(args, ++i, flag));
                case "--send-rate" -> sendRate = positiveDouble(flag, value(args, ++i, flag));
                case "--server-heap" -> heap = value(args, ++i, flag);
                case "--drain-seconds" -> drain = positiveInt(flag, value(args, ++i, flag));
                case "--keep-temp" -> keep = true;
                case "--profile" -> profile = true;
                case "--server-arg" -> serverArgs.add(property(value(args, ++i, flag)));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0");
        }
        return new BenchOptions(follows, rate, warmup, clients, crashSeconds, runs, sendRate, heap, drain,
                keep || profile, profile, List.copyOf(serverArgs));
    }

    boolean has(Run run) {
        return runs.contains(run);
    }

    private static Set<Run> runs(String list) {
        Set<Run> runs = EnumSet.noneOf(Run.class);
        for (String name : list.split(",")) {
            runs.add(Run.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return runs;
    }

    private static String property(String nameValue) {
        if (!nameValue.matches("[A-Za-z0-9._\\[\\]-]+=.*")) {
            throw new IllegalArgumentException("--server-arg needs name=value, got " + nameValue);
        }
        return nameValue.startsWith("--") ? nameValue : "--" + nameValue;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positiveInt(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return n;
    }

    private static double positiveDouble(String flag, String value) {
        double d = Double.parseDouble(value);
        if (!(d > 0)) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return d;
    }
}

package org.wayfarer.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line flags of {@link FollowBench}. Every size and duration has a default (a bare invocation runs every part
 * in well under ten minutes on a 2-core machine) and a flag; {@code --smoke} shrinks them all to a few seconds per
 * part, and flags after it still override.
 *
 * @param follows        follow callbacks per measured HTTP phase (each open-loop rate, and the closed loop)
 * @param rates          open-loop rates, callbacks per second, one latency phase each
 * @param warmup         unmeasured follows sent at the first rate before measuring (JIT, token, connections)
 * @param settleSeconds  then unmeasured follows at {@code lowRate} for this long: on 2 slow cores the server's C2
 *                       compiler is still working through its queue minutes after the warm-up, and every phase
 *                       measured meanwhile pays for it (0: none)
 * @param lowFollows     follow callbacks of the low-load phase, after the warm-up and settling (0: no such phase)
 * @param lowRate        its open-loop rate, callbacks per second
 * @param clients        concurrent clients of the closed-loop (max intake) phase
 * @param crashSeconds   how long the crash run drives follows before it kills the server
 * @param runs           which runs to do
 * @param sendRate       Wayfarer's per-account send budget ({@code wayfarer.engine.send-rate-per-second})
 * @param serverHeap     {@code -Xmx} of every forked JVM
 * @param drainSeconds   longest wait for outstanding template sends after a phase
 * @param keepTemp       keep the temp dir (data dirs, server logs) even after a clean run
 * @param profile        record the forked JVMs with Java Flight Recorder (implies keepTemp)
 * @param countJdbc      count the Wayfarer server's statements and commits (a bench-only auto-configuration)
 * @param serverArgs     extra {@code --name=value} properties for the Wayfarer server and the engine-only run
 * @param engineEntries  measured journey entries of the engine-only run, and process starts of Flowable
 * @param engineWarmup   unmeasured entries (and starts) before those
 * @param engineThreads  threads handing events to the engine (and starting Flowable processes)
 * @param timerBurst     instances made due at once in the timer burst (0: no burst)
 * @param timerRate      instances due per second in the steady timer run (0: no steady run)
 * @param timerSeconds   how long the steady timer run lasts
 * @param timerTimeout   longest wait for due instances to be resumed, after the last one was due
 */
record BenchOptions(int follows, List<Double> rates, int warmup, int settleSeconds, int lowFollows, double lowRate,
                    int clients, double crashSeconds, Set<Run> runs, double sendRate, String serverHeap,
                    int drainSeconds, boolean keepTemp, boolean profile, boolean countJdbc, List<String> serverArgs,
                    int engineEntries, int engineWarmup, int engineThreads, int timerBurst, double timerRate,
                    double timerSeconds, double timerTimeout) {

    enum Run {
        WAYFARER, BASELINE, ENGINE, FLOWABLE, TIMERS, CRASH
    }

    static final String USAGE = """
            Usage: bench/run.sh [flags]          (or: java -cp <classpath> org.wayfarer.bench.FollowBench [flags])
              --smoke            every part tiny (a few seconds each); later flags still override
              --runs LIST        any of wayfarer,baseline,engine,flowable,timers,crash (default all);
                                 wayfarer,baseline runs the low-load, latency, intake and echo phases of each
              --crash            only the crash run (same as --runs crash)
             HTTP runs (Wayfarer and the plain WxJava handler, side by side):
              --follows N        follow callbacks per measured phase (default 2000)
              --rates LIST       open-loop rates, one latency phase each (default 500,1000)
              --rate R           a single open-loop rate (same as --rates R)
              --warmup N         unmeasured follows before measuring (default 1000)
              --settle-seconds S unmeasured follows at the low-load rate for S seconds after the warm-up, until
                                 the server's JIT compiler has caught up (default 150; 0 skips)
              --low-follows N    follows of the low-load phase, after the warm-up: callback latency added by
                                 Wayfarer over the plain handler (default 400; 0 skips)
              --low-rate R       its open-loop rate per second (default 20)
              --clients C        concurrent clients of the max-intake phase (default 32)
              --send-rate R      Wayfarer's per-account send budget per second (default 5000)
              --drain-seconds S  longest wait for outstanding sends after a phase (default 60)
              --no-jdbc-count    do not count the Wayfarer server's statements and commits
              --server-arg P=V   extra property for the Wayfarer server and the engine-only run (repeatable),
                                 e.g. --server-arg spring.datasource.hikari.maximum-pool-size=32
             Engine alone (events in-process, no-op sender) and Flowable 7 embedded:
              --engine-entries N journey entries, and Flowable process starts, measured (default 10000)
              --engine-warmup N  unmeasured ones first (default 5000)
              --engine-threads T threads handing them in (default 16)
             Timers (on the engine-only run):
              --timer-burst N    instances due in the same second (default 100000; 0 skips)
              --timer-rate R     instances due per second in the steady run (default 2000; 0 skips)
              --timer-seconds S  length of the steady run (default 10)
              --timer-timeout S  longest wait for due instances after the last was due (default 30)
             Crash run and the rest:
              --crash-seconds S  drive follows for S seconds before kill -9 (default 3)
              --server-heap H    -Xmx of every forked JVM (default 1g)
              --keep-temp        keep data dirs and server logs after a clean run
              --profile          record the forked JVMs with Java Flight Recorder (files kept in the temp dir)
            """;

    static BenchOptions parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--smoke" -> b.smoke();
                case "--follows" -> b.follows = positiveInt(flag, value(args, ++i, flag));
                case "--rate" -> b.rates = List.of(positiveDouble(flag, value(args, ++i, flag)));
                case "--rates" -> b.rates = rates(flag, value(args, ++i, flag));
                case "--warmup" -> b.warmup = nonNegativeInt(flag, value(args, ++i, flag));
                case "--settle-seconds" -> b.settleSeconds = nonNegativeInt(flag, value(args, ++i, flag));
                case "--low-follows" -> b.lowFollows = nonNegativeInt(flag, value(args, ++i, flag));
                case "--low-rate" -> b.lowRate = positiveDouble(flag, value(args, ++i, flag));
                case "--clients" -> b.clients = positiveInt(flag, value(args, ++i, flag));
                case "--runs" -> b.runs = runs(value(args, ++i, flag));
                case "--crash" -> b.runs = EnumSet.of(Run.CRASH);
                case "--crash-seconds" -> b.crashSeconds = positiveDouble(flag, value(args, ++i, flag));
                case "--send-rate" -> b.sendRate = positiveDouble(flag, value(args, ++i, flag));
                case "--server-heap" -> b.heap = value(args, ++i, flag);
                case "--drain-seconds" -> b.drain = positiveInt(flag, value(args, ++i, flag));
                case "--keep-temp" -> b.keep = true;
                case "--profile" -> b.profile = true;
                case "--no-jdbc-count" -> b.countJdbc = false;
                case "--server-arg" -> b.serverArgs.add(property(value(args, ++i, flag)));
                case "--engine-entries" -> b.engineEntries = positiveInt(flag, value(args, ++i, flag));
                case "--engine-warmup" -> b.engineWarmup = nonNegativeInt(flag, value(args, ++i, flag));
                case "--engine-threads" -> b.engineThreads = positiveInt(flag, value(args, ++i, flag));
                case "--timer-burst" -> b.timerBurst = nonNegativeInt(flag, value(args, ++i, flag));
                case "--timer-rate" -> b.timerRate = nonNegativeDouble(flag, value(args, ++i, flag));
                case "--timer-seconds" -> b.timerSeconds = positiveDouble(flag, value(args, ++i, flag));
                case "--timer-timeout" -> b.timerTimeout = positiveDouble(flag, value(args, ++i, flag));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return b.build();
    }

    boolean has(Run run) {
        return runs.contains(run);
    }

    /** The crash run drives follows at the first open-loop rate. */
    double rate() {
        return rates.get(0);
    }

    /** Mutable defaults while parsing; {@link #smoke()} replaces every size at once. */
    private static final class Builder {
        int follows = 2000;
        List<Double> rates = List.of(500.0, 1000.0);
        int warmup = 1000;
        int settleSeconds = 150;
        int lowFollows = 400;
        double lowRate = 20;
        int clients = 32;
        double crashSeconds = 3;
        Set<Run> runs = EnumSet.allOf(Run.class);
        double sendRate = 5000;
        String heap = "1g";
        int drain = 60;
        boolean keep;
        boolean profile;
        boolean countJdbc = true;
        List<String> serverArgs = new ArrayList<>();
        int engineEntries = 10_000;
        int engineWarmup = 5000;
        int engineThreads = 16;
        int timerBurst = 100_000;
        double timerRate = 2000;
        double timerSeconds = 10;
        double timerTimeout = 30;

        void smoke() {
            follows = 200;
            rates = List.of(100.0, 200.0);
            warmup = 100;
            settleSeconds = 3;
            lowFollows = 60;
            clients = 8;
            crashSeconds = 1;
            drain = 30;
            engineEntries = 200;
            engineWarmup = 50;
            engineThreads = 4;
            timerBurst = 1000;
            timerRate = 200;
            timerSeconds = 2;
            timerTimeout = 30;
        }

        BenchOptions build() {
            return new BenchOptions(follows, List.copyOf(rates), warmup, settleSeconds, lowFollows, lowRate, clients,
                    crashSeconds, runs, sendRate, heap, drain, keep || profile, profile, countJdbc,
                    List.copyOf(serverArgs), engineEntries, engineWarmup, engineThreads, timerBurst, timerRate,
                    timerSeconds, timerTimeout);
        }
    }

    private static List<Double> rates(String flag, String list) {
        List<Double> out = new ArrayList<>();
        for (String rate : list.split(",")) {
            out.add(positiveDouble(flag, rate.trim()));
        }
        return out;
    }

    private static Set<Run> runs(String list) {
        Set<Run> runs = EnumSet.noneOf(Run.class);
        for (String name : list.split(",")) {
            try {
                runs.add(Run.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown run '" + name.trim() + "' in --runs");
            }
        }
        return runs;
    }

    /** A {@code --server-arg} as the Spring Boot command-line property it becomes; also used by {@link GrowthOptions}. */
    static String property(String nameValue) {
        if (!nameValue.matches("(--)?[A-Za-z0-9._\\[\\]-]+=.*")) {
            throw new IllegalArgumentException("--server-arg needs name=value, got " + nameValue);
        }
        return nameValue.startsWith("--") ? nameValue : "--" + nameValue;
    }

    /** The value after {@code flag}; also used by {@link GrowthOptions}. */
    static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positiveInt(String flag, String value) {
        int n = parseInt(flag, value);
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return n;
    }

    private static int nonNegativeInt(String flag, String value) {
        int n = parseInt(flag, value);
        if (n < 0) {
            throw new IllegalArgumentException(flag + " must be >= 0");
        }
        return n;
    }

    private static int parseInt(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
        }
    }

    private static double positiveDouble(String flag, String value) {
        double d = parseDouble(flag, value);
        if (!(d > 0)) {
            throw new IllegalArgumentException(flag + " must be > 0");
        }
        return d;
    }

    private static double nonNegativeDouble(String flag, String value) {
        double d = parseDouble(flag, value);
        if (!(d >= 0)) {
            throw new IllegalArgumentException(flag + " must be >= 0");
        }
        return d;
    }

    private static double parseDouble(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value);
        }
    }
}

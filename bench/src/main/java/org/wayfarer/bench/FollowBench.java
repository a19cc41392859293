package org.wayfarer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wayfarer.bench.probe.DatabaseFile;
import org.wayfarer.bench.probe.ResultFile;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;

/**
 * The benchmark of docs/architecture/overview.md section 6, one command, one run: Wayfarer against the plain WxJava handler side by side
 * over HTTP, the engine alone against Flowable 7 embedded, the timer runs, then a crash run, and finally every budget
 * judged ({@link Targets}). Every system is a forked JVM; the load generator and the fake WeChat live in this JVM, so
 * a follow's latency is one {@link System#nanoTime()} clock from the callback's start to the template send's arrival.
 *
 * <p>Run it with {@code bench/run.sh [flags]} (see {@link BenchOptions#USAGE} and bench/README.md). Exit code 0 when
 * every run completed (whatever the numbers), 1 when a run failed, 2 for bad flags.
 */
public final class FollowBench {

    private static volatile boolean keepTemp = true;

    private FollowBench() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        // The fake WeChat is a JDK HttpServer: without TCP_NODELAY its keep-alive answers wait ~40 ms for delayed
        // ACKs, which would cap every system's sends at a few hundred per second. Read once, when it first starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BlockingHttp.configure(CallbackLoad.OPEN_LOOP_CONNECTIONS);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("wayfarer-bench-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp dir", e);
        }
        // Also on Ctrl-C: servers are killed first, then the temp dir goes unless a failure asked to keep it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerProcess.killAll();
            if (!keepTemp) {
                delete(temp);
            }
        }, "bench-cleanup"));
        keepTemp = options.keepTemp(); // summarizeLog also sets it when a server logged errors
        boolean ok = false;
        try {
            ok = run(options, temp);
        } catch (Exception e) {
            System.out.printf("%nFAILED: %s%n", e);
            e.printStackTrace(System.out);
        }
        if (!ok) {
            keepTemp = true;
        }
        if (keepTemp) {
            System.out.printf("%nserver logs and data dirs kept in %s%n", temp);
        }
        System.exit(ok ? 0 : 1);
    }

    /** Runs every part asked for; a part that fails is reported and the others still run. True if none failed. */
    private static boolean run(BenchOptions options, Path temp) {
        System.out.printf("Wayfarer bench, %s, %d cores, Java %s, forked heap %s, Wayfarer send budget %.0f/s%n",
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.serverHeap(), options.sendRate());
        double busy = Stats.otherCoresBusy();
        System.out.printf("temp dir %s; load average %.2f; other processes busy on %.2f cores%n", temp,
                Stats.loadAverage(), busy);
        if (!options.serverArgs().isEmpty()) {
            System.out.printf("extra Wayfarer properties: %s%n", String.join(" ", options.serverArgs()));
        }
        if (busy > 0.25) {
            System.out.println("WARNING: the machine is busy; timings will be noisy (CPU per follow less so)");
        }
        Servers servers = new Servers(options, temp);
        SystemRun.Result wayfarer = null;
        SystemRun.Result baseline = null;
        Parts parts = new Parts(System.nanoTime());
        if (options.has(BenchOptions.Run.WAYFARER)) {
            wayfarer = parts.run("Wayfarer", () -> runWayfarer(options, servers, temp));
        }
        if (options.has(BenchOptions.Run.BASELINE)) {
            baseline = parts.run("Baseline: WxJava WxMpMessageRouter, nothing durable",
                    () -> runBaseline(options, servers, temp));
        }
        EngineRuns engines = new EngineRuns(options, servers, temp);
        ResultFile engine = null;
        if (options.has(BenchOptions.Run.ENGINE) || options.has(BenchOptions.Run.TIMERS)) {
            boolean timers = options.has(BenchOptions.Run.TIMERS);
            engine = parts.run("Engine alone: EventIntake in-process, no-op sender"
                    + (timers ? ", then the timer runs" : ""), () -> engines.engine(timers));
        }
        ResultFile flowable = null;
        if (options.has(BenchOptions.Run.FLOWABLE)) {
            flowable = parts.run("Flowable 7 embedded, standalone", engines::flowable);
        }
        CrashRun.Result crash = null;
        if (options.has(BenchOptions.Run.CRASH)) {
            crash = parts.run("Crash run", () -> new CrashRun(options, servers, temp).run());
        }
        if (wayfarer != null || baseline != null) {
            Report.printComparison(options, wayfarer, baseline);
        }
        if (engine != null || flowable != null) {
            Report.printEngines(options, engine, flowable);
        }
        if (engine != null && options.has(BenchOptions.Run.TIMERS)) {
            Report.printTimers(engine);
        }
        if (crash != null) {
            Report.printCrash(crash);
        }
        Targets.print(Targets.judge(options, wayfarer, baseline,
                options.has(BenchOptions.Run.ENGINE) ? engine : null, flowable,
                options.has(BenchOptions.Run.TIMERS) ? engine : null));
        parts.failed().forEach(name -> System.out.printf("FAILED: %s (see above)%n", name));
        return parts.failed().isEmpty();
    }

    /** Runs the parts one after the other, timing them; a failing part is printed and remembered, not thrown. */
    private static final class Parts {

        private final long started;
        private final List<String> failed = new ArrayList<>();

        Parts(long started) {
            this.started = started;
        }

        <T> T run(String title, Callable<T> part) {
            System.out.printf("%n-- %s --%n", title);
            try {
                return part.call();
            } catch (Exception e) {
                System.out.printf("%nFAILED: %s: %s%n", title, e);
                e.printStackTrace(System.out);
                failed.add(title);
                return null;
            } finally {
                elapsed(started);
            }
        }

        List<String> failed() {
            return failed;
        }
    }

    private static SystemRun.Result runWayfarer(BenchOptions options, Servers servers, Path temp) throws SQLException {
        BenchAccount account = BenchAccount.random();
        Path dataDir = temp.resolve("wayfarer-data");
        try (FakeWeChatServer fake = FakeWeChatServer.start()) {
            ServerProcess server = servers.startWayfarer("wayfarer", dataDir, temp.resolve("logs/wayfarer.log"),
                    fake.baseUrl(), List.of(), options.countJdbc());
            try {
                servers.prepareWayfarer(server, account);
                ServerCounters counters = new ServerCounters(options.countJdbc() ? server.baseUrl() : null,
                        DatabaseFile.of(dataDir, "wayfarer"));
                return new SystemRun("wayfarer", "W", server, fake, account, options, counters).run();
            } finally {
                server.stop(30);
                summarizeLog(server);
                try (ServerDatabase db = ServerDatabase.open(dataDir)) {
                    System.out.printf("  server database after a clean stop: events %s, instances %s, outbox %s%n",
                            db.statusCounts("contact_event"), db.statusCounts("journey_instance"),
                            db.statusCounts("outbox"));
                }
            }
        }
    }

    private static SystemRun.Result runBaseline(BenchOptions options, Servers servers, Path temp) {
        BenchAccount account = BenchAccount.random();
        try (FakeWeChatServer fake = FakeWeChatServer.start()) {
            ServerProcess server = servers.startBaseline(temp.resolve("logs/baseline.log"), fake.baseUrl(), account);
            try {
                return new SystemRun("baseline", "B", server, fake, account, options, ServerCounters.NONE).run();
            } finally {
                server.stop(10);
                summarizeLog(server);
            }
        }
    }

    private static void elapsed(long since) {
        System.out.printf("  (%.0f s since the start)%n", (System.nanoTime() - since) / 1e9);
    }

    /**
     * Server problems are evidence for the report: counts ERROR and WARN lines and shows the first few; a log with
     * ERROR lines is kept (the temp dir is not deleted).
     */
    static void summarizeLog(ServerProcess server) {
        for (String level : List.of("ERROR", "WARN")) {
            ServerProcess.LogSummary summary = server.scanLog(" " + level + " ", 3);
            System.out.printf("  %s log: %d %s lines%s%n", server.log().getFileName(), summary.count(), level,
                    summary.count() == 0 ? "" : ", first:");
            summary.first().forEach(line -> System.out.println("    " + line));
            if ("ERROR".equals(level) && summary.count() > 0) {
                keepTemp = true;
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}

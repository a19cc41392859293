package org.wayfarer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wayfarer.bench.probe.ResultFile;

/**
 * The two in-process runs, each in a JVM of its own that runs to completion and reports through a
 * {@link ResultFile}: the Wayfarer engine alone (entries, then the timer runs) and Flowable 7 (process starts of the
 * same journey). Both use a fresh data dir of the temp dir.
 */
final class EngineRuns {

    /** A safety net only: each run bounds its own waits. */
    private static final Duration LONGEST = Duration.ofMinutes(30);
    /** How the forked runs mark their progress lines in their logs. */
    private static final String PROGRESS = "[bench] ";

    private final BenchOptions options;
    private final Servers servers;
    private final Path temp;

    EngineRuns(BenchOptions options, Servers servers, Path temp) {
        this.options = options;
        this.servers = servers;
        this.temp = temp;
    }

    /** Entries through {@code EventIntake}; then, when {@code timers}, the steady timer run and the burst. */
    ResultFile engine(boolean timers) {
        Path result = temp.resolve("engine-result.properties");
        List<String> settings = new ArrayList<>(List.of(
                "result=" + result,
                "data-dir=" + temp.resolve("engine-data"),
                "warmup=" + options.engineWarmup(),
                "entries=" + options.engineEntries(),
                "threads=" + options.engineThreads(),
                "timers=" + timers,
                "timer-burst=" + options.timerBurst(),
                "timer-rate=" + options.timerRate(),
                "timer-seconds=" + options.timerSeconds(),
                "timer-timeout=" + options.timerTimeout()));
        ServerProcess run = servers.startEngineOnly(temp.resolve("engine-data"), temp.resolve("logs/engine.log"),
                settings);
        return finish(run, result);
    }

    /** Process starts of the bench journey in BPMN. */
    ResultFile flowable() {
        Path result = temp.resolve("flowable-result.properties");
        List<String> settings = List.of(
                "result=" + result,
                "data-dir=" + temp.resolve("flowable-data"),
                "warmup=" + options.engineWarmup(),
                "starts=" + options.engineEntries(),
                "threads=" + options.engineThreads());
        ServerProcess run = servers.startFlowable(temp.resolve("logs/flowable.log"), settings);
        return finish(run, result);
    }

    private static ResultFile finish(ServerProcess run, Path result) {
        int exit = run.awaitCompletion(LONGEST);
        run.scanLog(PROGRESS, 50).first().forEach(line -> System.out.println("  " + line.substring(PROGRESS.length())));
        FollowBench.summarizeLog(run);
        if (exit != 0 || !Files.exists(result)) {
            throw new IllegalStateException(run.name() + " ended with exit code " + exit + "; log: " + run.log());
        }
        return ResultFile.read(result);
    }
}

package org.wayfarer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole bench at smoke size, as {@code bench/run.sh --smoke} runs it: every part forks its JVMs, measures, and
 * the report carries every section and a verdict for every budget. Not run by {@code ./mvnw verify} (the
 * module skips its tests unless asked; see bench/README.md): it takes minutes and loads both cores.
 */
class BenchSmokeIT {

    @Test
    void everyPartRunsAndTheReportJudgesEveryBudget() throws IOException, InterruptedException {
        Path target = Path.of("target");
        String classpath = target.resolve("classes") + File.pathSeparator
                + Files.readString(target.resolve("bench.classpath"), StandardCharsets.UTF_8).trim();
        Path output = Files.createTempFile("bench-smoke-", ".log");
        Process bench = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-D" + Servers.FLOWABLE_CLASSPATH_FILE + "=" + target.resolve("flowable.classpath"),
                "-cp", classpath, FollowBench.class.getName(), "--smoke", "--server-heap", "512m"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = bench.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            bench.destroyForcibly();
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("bench finished; output in %s", output).isTrue();
        assertThat(bench.exitValue()).as("exit code; output:%n%s", report).isZero();
        assertThat(report).contains("== 1.0 Callback latency at low load", "== 1.1 Follow -> template send",
                "== 1.2 Follow -> template send",
                "== 2. Max intake and sustained end to end", "== 3. Engine alone", "== 4. Timers",
                "== 5. Crash run", "verdict: NO SILENT LOSS, NO DUPLICATE",
                "== Targets (docs/architecture/overview.md section 6) ==");
        assertThat(report).containsPattern("commits per follow\\s+\\d+\\.\\d+\\s+-")
                .containsPattern("entries \\(starts\\) per second\\s+\\d+/s\\s+\\d+/s")
                .containsPattern("burst: 1000 instances due by one commit: 1000 resumed")
                .containsPattern("\\d+ met, \\d+ missed, \\d+ not judged");
        for (String budget : List.of("callback intake >= 1.0x", "follow -> send p99 at 500/s", "sustained end to end",
                "server CPU per follow <= 2x", "engine-only entries >= 10x", "100k timers due at once",
                "timer lateness p99", "callback latency added at low load (p50) <= 2 ms")) {
            assertThat(report).contains(budget);
        }
        Files.delete(output);
    }
}

package org.wayfarer.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wayfarer.bench.probe.CountingDataSource;
import org.wayfarer.bench.probe.DatabaseFile;
import org.wayfarer.bench.probe.JdbcCounts;
import org.wayfarer.bench.probe.ResultFile;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyView;
import org.wayfarer.journey.event.EventIntake;

/**
 * Main class of the engine-only JVM the bench forks: starts the engine on a fresh H2 file (the server's URL), publishes
 * the bench journey through {@link JourneyCatalog}, measures journey entries per second through {@link EventIntake},
 * then the timer runs on copies of the instances that entered, and writes every number to a {@link ResultFile}.
 *
 * <p>Arguments: {@code name=value} settings of the bench (below), then {@code --name=value} Spring properties passed
 * on unchanged, among them {@code --wayfarer.data-dir}, which must name the same directory as the {@code data-dir}
 * setting (the bench measures the H2 file there). Exit code 0 when every phase ran, 1 otherwise.
 */
public final class EngineBench {

    private EngineBench() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                spring.add(arg);
            } else {
                int eq = arg.indexOf('=');
                settings.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int exit = 0;
        try {
            run(settings, spring.toArray(String[]::new));
        } catch (Exception e) {
            System.out.println("engine bench FAILED: " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        // Halt rather than close the engine: a timer run that gave up leaves wake-ups queued in its workers, which a
        // graceful stop would work off (minutes, for a burst the engine cannot take) while the data source closes
        // under them. The numbers are written; the data dir is the bench's to delete.
        dumpFlightRecordings();
        System.out.flush();
        Runtime.getRuntime().halt(exit);
    }

    /** With {@code --profile}: halting skips the recording's dump on exit, so write it here. */
    private static void dumpFlightRecordings() {
        for (Recording recording : FlightRecorder.isInitialized()
                ? FlightRecorder.getFlightRecorder().getRecordings() : List.<Recording>of()) {
            Path destination = recording.getDestination();
            if (destination != null && recording.getState() == RecordingState.RUNNING) {
                try {
                    recording.dump(destination);
                } catch (IOException e) {
                    System.out.println("could not write the flight recording " + destination + ": " + e);
                }
            }
        }
    }

    private static void run(Map<String, String> settings, String[] springArgs) throws Exception {
        Path result = Path.of(settings.get("result"));
        Path dataDir = Path.of(settings.get("data-dir"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmup", "1000"));
        int entries = Integer.parseInt(settings.getOrDefault("entries", "3000"));
        int threads = Integer.parseInt(settings.getOrDefault("threads", "16"));
        double stall = Double.parseDouble(settings.getOrDefault("stall-seconds", "15"));
        boolean timers = Boolean.parseBoolean(settings.getOrDefault("timers", "true"));
        ResultFile out = new ResultFile();
        // never closed: main halts once the numbers are written (see there)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EngineBenchApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run(springArgs);
        out.put("datasource-url", context.getEnvironment().getProperty("spring.datasource.url", ""));
        JourneyCatalog catalog = context.getBean(JourneyCatalog.class);
        JourneyView journey = catalog.create(EngineBenchApplication.TENANT, journeyDefinition());
        catalog.publish(EngineBenchApplication.TENANT, journey.id());
        JdbcCounts counts = context.getBean(JdbcCounts.class);
        EntryPhase phase = new EntryPhase(context.getBean(EventIntake.class),
                context.getBean(EngineBenchApplication.NoOpTemplateSender.class), counts,
                DatabaseFile.of(dataDir, "wayfarer"));
        if (warmup > 0) {
            EntryPhase.Result warm = phase.run("EW", warmup, threads, stall);
            System.out.printf("[bench] engine warm-up: %d entries, %.0f/s%n", warm.sent(),
                    warm.entriesPerSecond());
        }
        EntryPhase.Result measured = phase.run("EM", entries, threads, stall);
        System.out.printf("[bench] engine: %d entries in %.2f s, %.0f/s%n", measured.sent(), measured.seconds(),
                measured.entriesPerSecond());
        putEntries(out, measured);
        if (timers) {
            DataSource raw = ((CountingDataSource) context.getBean(DataSource.class)).target();
            runTimers(settings, out, new TimerPhase(new WaitingInstances(raw, journey.id()), counts));
        }
        out.write(result);
    }

    private static void runTimers(Map<String, String> settings, ResultFile out, TimerPhase timers) throws Exception {
        double rate = Double.parseDouble(settings.getOrDefault("timer-rate", "2000"));
        double seconds = Double.parseDouble(settings.getOrDefault("timer-seconds", "10"));
        int burst = Integer.parseInt(settings.getOrDefault("timer-burst", "100000"));
        double timeout = Double.parseDouble(settings.getOrDefault("timer-timeout", "30"));
        if (rate > 0 && seconds > 0) {
            TimerPhase.Result steady = timers.steady(rate, seconds, timeout);
            System.out.printf("[bench] timers at %.0f due/s: %d/%d resumed, lateness p99 %.0f ms%n", rate,
                    steady.resumed(), steady.count(), steady.lateMillis()[1]);
            putTimers(out, "steady", steady);
            out.put("steady.rate", rate);
        }
        if (burst > 0) {
            TimerPhase.Result result = timers.burst(burst, timeout);
            System.out.printf("[bench] timer burst: %d/%d resumed, all after %.2f s%n", result.resumed(),
                    result.count(), result.allResumedSec());
            putTimers(out, "burst", result);
        }
    }

    private static void putEntries(ResultFile out, EntryPhase.Result r) {
        out.put("entries.count", r.count()).put("entries.accepted", r.accepted()).put("entries.sent", r.sent())
                .put("entries.seconds", r.seconds()).put("entries.intake-seconds", r.intakeSeconds())
                .put("entries.intake-rate", r.accepted() / r.intakeSeconds())
                .put("entries.per-second", r.entriesPerSecond())
                .put("entries.cpu-ms", r.cpuNanos() < 0 ? Double.NaN : r.cpuNanos() / 1e6 / r.count())
                .put("entries.statements", (double) r.jdbc().statements() / r.count())
                .put("entries.writes", (double) r.jdbc().writes() / r.count())
                .put("entries.commits", (double) r.jdbc().commits() / r.count())
                .put("entries.db-bytes", (double) r.dbBytes() / r.count());
    }

    private static void putTimers(ResultFile out, String prefix, TimerPhase.Result r) {
        double resumed = Math.max(1, r.resumed());
        out.put(prefix + ".count", r.count()).put(prefix + ".resumed", r.resumed())
                .put(prefix + ".all-seconds", r.allResumedSec())
                .put(prefix + ".late-p50", r.lateMillis()[0]).put(prefix + ".late-p99", r.lateMillis()[1])
                .put(prefix + ".late-max", r.lateMillis()[2]).put(prefix + ".commit-late", r.commitLateMs())
                // per instance resumed: the wait may have ended before all were
                .put(prefix + ".cpu-ms", r.cpuNanos() < 0 ? Double.NaN : r.cpuNanos() / 1e6 / resumed)
                .put(prefix + ".statements", (double) r.jdbc().statements() / resumed)
                .put(prefix + ".commits", (double) r.jdbc().commits() / resumed)
                .put(prefix + ".insert-per-second", r.insertPerSecond());
    }

    static String journeyDefinition() {
        try (InputStream in = EngineBench.class.getResourceAsStream("/org/wayfarer/bench/store-welcome.json")) {
            if (in == null) {
                throw new IllegalStateException("store-welcome.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

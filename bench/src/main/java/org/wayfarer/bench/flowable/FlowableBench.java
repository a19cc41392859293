package org.wayfarer.bench.flowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.wayfarer.bench.probe.CountingDataSource;
import org.wayfarer.bench.probe.CpuTime;
import org.wayfarer.bench.probe.DatabaseFile;
import org.wayfarer.bench.probe.JdbcCounts;
import org.wayfarer.bench.probe.ResultFile;

/**
 * Main class of the Flowable JVM the bench forks: Flowable 7 built standalone
 * ({@link ProcessEngineConfiguration#createStandaloneProcessEngineConfiguration()}: Flowable 7 is a Spring 6 line and
 * the bench classpath is Spring 7, so no Spring integration), on an H2 file with the durability settings of
 * Wayfarer's embedded URL, through the same Hikari pool size; the async executor runs, as it would in production.
 * Measures process starts per second of the bench journey in BPMN ({@code store-welcome.bpmn20.xml}) from
 * {@code threads} threads; each start runs through the no-op welcome to the 24 h timer and commits there.
 *
 * <p>Arguments: {@code name=value}: {@code result}, {@code data-dir}, {@code warmup}, {@code starts}, {@code threads},
 * {@code pool}. Exit code 0 when it ran, 1 otherwise.
 */
public final class FlowableBench {

    private static final String PROCESS = "storeWelcome";

    private FlowableBench() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try {
            run(settings);
            System.exit(0);
        } catch (Exception e) {
            System.out.println("flowable bench FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Map<String, String> settings) {
        Path dataDir = Path.of(settings.get("data-dir"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmup", "1000"));
        int starts = Integer.parseInt(settings.getOrDefault("starts", "3000"));
        int threads = Integer.parseInt(settings.getOrDefault("threads", "16"));
        String url = h2Url(serverYaml(), dataDir.resolve("flowable"));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(Integer.parseInt(settings.getOrDefault("pool", "40")));
        JdbcCounts counts = new JdbcCounts();
        try (HikariDataSource hikari = new HikariDataSource(pool)) {
            ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setDataSource(new CountingDataSource(hikari, counts))
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setAsyncExecutorActivate(true)
                    .buildProcessEngine();
            try {
                engine.getRepositoryService().createDeployment()
                        .addString("store-welcome.bpmn20.xml", bpmn()).deploy();
                RuntimeService runtime = engine.getRuntimeService();
                DatabaseFile file = DatabaseFile.of(dataDir, "flowable");
                if (warmup > 0) {
                    startAll(runtime, "FW", warmup, threads);
                }
                JdbcCounts.Snapshot before = counts.snapshot();
                long bytes = file.size();
                long cpu = CpuTime.processNanos();
                long started = System.nanoTime();
                startAll(runtime, "FM", starts, threads);
                double seconds = (System.nanoTime() - started) / 1e9;
                long cpuUsed = CpuTime.processNanos() - cpu;
                JdbcCounts.Snapshot used = counts.snapshot().minus(before);
                long waiting = engine.getManagementService().createTimerJobQuery().count();
                System.out.printf("[bench] flowable: %d starts in %.2f s, %.0f/s; %d timers waiting%n", starts, seconds,
                        starts / seconds, waiting);
                new ResultFile().put("datasource-url", url)
                        .put("starts.count", starts).put("starts.seconds", seconds)
                        .put("starts.per-second", starts / seconds)
                        .put("starts.cpu-ms", cpu < 0 ? Double.NaN : cpuUsed / 1e6 / starts)
                        .put("starts.statements", (double) used.statements() / starts)
                        .put("starts.writes", (double) used.writes() / starts)
                        .put("starts.commits", (double) used.commits() / starts)
                        .put("starts.db-bytes", (double) (file.size() - bytes) / starts)
                        .put("timers.waiting", waiting)
                        .write(Path.of(settings.get("result")));
            } finally {
                engine.close();
            }
        }
    }

    /** Starts {@code count} instances (distinct followers, store scenes) from {@code threads} threads. */
    private static void startAll(RuntimeService runtime, String tag, int count, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && failure.get() == null) {
                    String openid = "o" + tag + "_" + String.format("%07d", i);
                    try {
                        runtime.startProcessInstanceByKey(PROCESS, openid,
                                Map.of("openid", openid, "scene", String.format("store_%03d", i % 50)));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-start-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a process start failed", failure.get());
        }
    }

    /** The server's {@code application.yml}, from the admin-api jar on the classpath. */
    private static String serverYaml() {
        try (InputStream in = FlowableBench.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                throw new IllegalStateException("the server's application.yml is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Wayfarer's embedded URL from the server's {@code application.yml} text, pointed at {@code file} and without its
     * MySQL-compatibility settings ({@code MODE}, {@code DATABASE_TO_LOWER}), which Flowable's H2 dialect does not
     * expect: the durability settings ({@code WRITE_DELAY=0} and the rest) stay exactly the server's.
     */
    static String h2Url(String yaml, Path file) {
        Matcher url = Pattern.compile("url:\\s*jdbc:h2:file:[^;\\s]+((?:;\\S+)*)").matcher(yaml);
        if (!url.find()) {
            throw new IllegalStateException("no jdbc:h2:file URL in the server's application.yml");
        }
        StringBuilder out = new StringBuilder("jdbc:h2:file:").append(file.toAbsolutePath());
        for (String setting : url.group(1).split(";")) {
            String name = setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting;
            if (!setting.isEmpty() && !name.equals("MODE") && !name.equals("DATABASE_TO_LOWER")) {
                out.append(';').append(setting);
            }
        }
        return out.toString();
    }

    private static String bpmn() {
        try (InputStream in = FlowableBench.class.getResourceAsStream("store-welcome.bpmn20.xml")) {
            if (in == null) {
                throw new IllegalStateException("store-welcome.bpmn20.xml is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

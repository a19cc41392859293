package org.wayfarer.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Starts the systems under test as separate JVMs with the same heap and the bench JVM's classpath: the Wayfarer
 * server ({@code org.wayfarer.admin.WayfarerApplication}, embedded mode, H2 file database in a fresh data dir), the
 * baseline ({@link BaselineServer}), and the measuring JVMs that run to completion on their own: the engine alone
 * ({@code org.wayfarer.bench.engine.EngineBench}) and Flowable ({@code org.wayfarer.bench.flowable.FlowableBench},
 * with Flowable's jars, which no other JVM gets). The HTTP systems talk to the fake WeChat in the bench JVM.
 */
final class Servers {

    static final String WAYFARER_MAIN = "org.wayfarer.admin.WayfarerApplication";
    static final String ENGINE_MAIN = "org.wayfarer.bench.engine.EngineBench";
    /** By name: the bench JVM has no Flowable classes to load. */
    static final String FLOWABLE_MAIN = "org.wayfarer.bench.flowable.FlowableBench";
    /** Written by the bench module's build next to bench.classpath; run.sh passes its path. */
    static final String FLOWABLE_CLASSPATH_FILE = "wayfarer.bench.flowable-classpath-file";
    private static final String PROBE = "org.wayfarer.bench.probe.JdbcCountingAutoConfiguration";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BenchOptions options;
    private final Path temp;
    private final String adminKey;
    private final String cryptoKey;

    Servers(BenchOptions options, Path temp) {
        this.options = options;
        this.temp = temp;
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        this.adminKey = "wf_bench_" + HexFormat.of().formatHex(key);
        byte[] aes = new byte[32];
        RANDOM.nextBytes(aes);
        this.cryptoKey = Base64.getEncoder().encodeToString(aes);
    }

    String adminKey() {
        return adminKey;
    }

    /**
     * Starts Wayfarer on a free port and waits for {@code /actuator/health} UP. The data dir may hold a previous
     * run's database (the crash run restarts on it).
     *
     * @param extraArgs further {@code --name=value} properties, e.g. a shorter send lease
     * @param countJdbc  put the JDBC-counting probe on its classpath ({@link ServerCounters} reads it)
     */
    ServerProcess startWayfarer(String name, Path dataDir, Path log, String fakeWeChatUrl, List<String> extraArgs,
                                boolean countJdbc) {
        int port = ServerProcess.freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--wayfarer.wechat.api-base-url=" + fakeWeChatUrl,
                "--wayfarer.admin.bootstrap-key=" + adminKey));
        args.addAll(engineArgs(dataDir));
        args.addAll(extraArgs);
        args.addAll(options.serverArgs());
        System.out.printf("  starting %s (log %s)%s%n", name, log, countJdbc ? ", counting its JDBC calls" : "");
        String classpath = countJdbc ? probeDir() + File.pathSeparator + ServerProcess.serverClasspath()
                : ServerProcess.serverClasspath();
        return ServerProcess.start(name, port, jvmFlags(log), classpath, WAYFARER_MAIN, args, log)
                .awaitHealthy("/actuator/health", STARTUP);
    }

    /**
     * Forks the engine-only run ({@code settings} are its {@code name=value} settings); it ends by itself. Same
     * data-dir, crypto and send-budget properties as the server, so the engine runs as configured there.
     */
    ServerProcess startEngineOnly(Path dataDir, Path log, List<String> settings) {
        List<String> args = new ArrayList<>(settings);
        args.addAll(engineArgs(dataDir));
        args.addAll(options.serverArgs());
        System.out.printf("  starting the engine-only run (log %s)%n", log);
        return ServerProcess.start("engine-only", 0, jvmFlags(log), ServerProcess.serverClasspath(), ENGINE_MAIN,
                args, log);
    }

    /** Forks the Flowable run with Flowable's jars added to the classpath; it ends by itself. */
    ServerProcess startFlowable(Path log, List<String> settings) {
        List<String> flags = new ArrayList<>(jvmFlags(log));
        flags.add("-Dlogback.configurationFile=org/wayfarer/bench/baseline-logback.xml");
        System.out.printf("  starting the Flowable run (log %s)%n", log);
        return ServerProcess.start("flowable", 0, flags,
                ServerProcess.serverClasspath() + File.pathSeparator + flowableClasspath(), FLOWABLE_MAIN, settings,
                log);
    }

    private List<String> engineArgs(Path dataDir) {
        return List.of(
                "--wayfarer.data-dir=" + dataDir,
                "--wayfarer.crypto.key=" + cryptoKey,
                "--wayfarer.engine.send-rate-per-second=" + number(options.sendRate()),
                "--wayfarer.engine.send-burst=" + number(Math.max(100, options.sendRate() / 5)));
    }

    /**
     * A directory holding only {@code META-INF/spring/...AutoConfiguration.imports} naming the probe, whose classes
     * are already on the bench classpath: on a server's classpath it switches the probe on.
     */
    private Path probeDir() {
        Path dir = temp.resolve("jdbc-probe");
        Path imports = dir.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        try {
            Files.createDirectories(imports.getParent());
            Files.writeString(imports, PROBE + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + imports, e);
        }
        return dir;
    }

    private static String flowableClasspath() {
        Path file = Path.of(System.getProperty(FLOWABLE_CLASSPATH_FILE, "bench/target/flowable.classpath"));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Flowable's classpath file " + file.toAbsolutePath() + " is missing "
                    + "(the bench module's package phase writes it)", e);
        }
    }

    /** Connects the account (safe mode) and publishes the bench journey through the admin API. */
    void prepareWayfarer(ServerProcess server, BenchAccount account) {
        AdminClient admin = new AdminClient(server.baseUrl(), adminKey);
        admin.connect(account);
        String id = admin.createAndPublish(journeyDefinition());
        System.out.printf("  connected %s (safe mode) and published journey %s%n", account.appId(), id);
    }

    /** Starts the plain WxJava handler on a free port and waits for its {@code /health}. */
    ServerProcess startBaseline(Path log, String fakeWeChatUrl, BenchAccount account) {
        int port = ServerProcess.freePort();
        List<String> args = List.of(Integer.toString(port), account.appId(), account.secret(), account.token(),
                account.aesKey(), fakeWeChatUrl);
        System.out.printf("  starting baseline (log %s)%n", log);
        List<String> flags = new ArrayList<>(jvmFlags(log));
        flags.add("-Dlogback.configurationFile=org/wayfarer/bench/baseline-logback.xml");
        // TCP_NODELAY as Tomcat sets it; the JDK HttpServer's default adds ~40 ms delayed-ACK stalls per answer
        flags.add("-Dsun.net.httpserver.nodelay=true");
        return ServerProcess.start("baseline", port, flags, ServerProcess.serverClasspath(),
                BaselineServer.class.getName(), args, log).awaitHealthy("/health", STARTUP);
    }

    static String journeyDefinition() {
        try (InputStream in = Servers.class.getResourceAsStream("store-welcome.json")) {
            if (in == null) {
                throw new IllegalStateException("store-welcome.json is missing from the bench classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap, and with {@code --profile} a flight recording next to the log, written when the JVM exits. */
    private List<String> jvmFlags(Path log) {
        List<String> flags = new ArrayList<>(List.of("-Xmx" + options.serverHeap(), "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8"));
        if (options.profile()) {
            Path recording = log.resolveSibling(log.getFileName().toString().replace(".log", "")
                    + "-" + System.currentTimeMillis() + ".jfr");
            flags.add("-XX:FlightRecorderOptions=stackdepth=256");
            flags.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
            System.out.printf("  recording %s%n", recording);
        }
        return flags;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}

package org.wayfarer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Starts the two systems under test as separate JVMs with the same heap and the bench JVM's classpath: the Wayfarer
 * server ({@code org.wayfarer.admin.WayfarerApplication}, embedded mode, H2 file database in a fresh data dir) and
 * the baseline ({@link BaselineServer}). Both talk to the fake WeChat in the bench JVM.
 */
final class Servers {

    static final String WAYFARER_MAIN = "org.wayfarer.admin.WayfarerApplication";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BenchOptions options;
    private final String adminKey;
    private final String cryptoKey;

    Servers(BenchOptions options) {
        this.options = options;
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
     */
    ServerProcess startWayfarer(String name, Path dataDir, Path log, String fakeWeChatUrl, List<String> extraArgs) {
        int port = ServerProcess.freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--wayfarer.data-dir=" + dataDir,
                "--wayfarer.wechat.api-base-url=" + fakeWeChatUrl,
                "--wayfarer.admin.bootstrap-key=" + adminKey,
                "--wayfarer.crypto.key=" + cryptoKey,
                "--wayfarer.engine.send-rate-per-second=" + number(options.sendRate()),
                "--wayfarer.engine.send-burst=" + number(Math.max(100, options.sendRate() / 5))));
        args.addAll(extraArgs);
        args.addAll(options.serverArgs());
        System.out.printf("  starting %s (log %s)%n", name, log);
        return ServerProcess.start(name, port, jvmFlags(log), ServerProcess.serverClasspath(), WAYFARER_MAIN, args,
                        log)
                .awaitHealthy("/actuator/health", STARTUP);
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

    /** Heap, and with {@code --profile} a flight recording next to the log, written when the server exits. */
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

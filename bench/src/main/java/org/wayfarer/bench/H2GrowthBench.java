package org.wayfarer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/**
 * How big the embedded H2 file gets under real follows (docs/adr/0007): forks the Wayfarer server (embedded mode, a
 * fresh data dir), publishes the bench's store-welcome journey, drives {@code --follows} signed and AES-encrypted
 * follow callbacks closed loop from {@code --clients} connections, samples the file while the server runs, waits until
 * every template send arrived (and then {@code --settle-seconds} more), stops the server and measures the live data
 * on copies of its file ({@link H2LiveSize}). Prints file size, live size and their ratio against the 3x budget,
 * the file growth per follow, the throughput and the compaction's lock pauses as the server's
 * {@code /actuator/prometheus} reported them.
 *
 * <p>Run it with {@code bench/h2-growth.sh [flags]}; {@code --first-version} runs the first version's database
 * settings (no compaction) for comparison. Self-contained on purpose: it shares only the channel-wechat test kit with
 * the follow bench. Exit code 0 when the run completed (whatever the numbers), 1 when it failed, 2 for bad flags.
 */
public final class H2GrowthBench {

    private static final SecureRandom RANDOM = new SecureRandom();

    private H2GrowthBench() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(GrowthOptions.USAGE);
            return;
        }
        GrowthOptions options;
        try {
            options = GrowthOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(GrowthOptions.USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("sun.net.httpserver.nodelay", "true"); // the fake WeChat, as in the follow bench
        System.setProperty("http.maxConnections", Integer.toString(options.clients() * 2));
        Path temp = Files.createTempDirectory("wayfarer-h2-growth-");
        boolean ok = false;
        try {
            new Run(options, temp).run();
            ok = true;
        } catch (Exception e) {
            System.out.printf("%nFAILED: %s%n", e);
            e.printStackTrace(System.out);
        }
        if (ok && !options.keepTemp()) {
            try (var paths = Files.walk(temp)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            System.out.printf("%ntemp dir kept: %s%n", temp);
        }
        System.exit(ok ? 0 : 1);
    }

    /** One run; the server process is killed if the run ends early. */
    private static final class Run {

        private final GrowthOptions options;
        private final Path temp;
        private final Path dataDir;
        private final String adminKey = "wf_bench_" + hex(16);
        private final BenchAccount account = BenchAccount.random();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private Process server;
        private String baseUrl;
        private final Map<String, Double> metricsMax = new TreeMap<>();

        Run(GrowthOptions options, Path temp) {
            this.options = options;
            this.temp = temp;
            this.dataDir = temp.resolve("data");
        }

        void run() throws Exception {
            System.out.printf("H2 growth bench, %s, %d cores, Java %s, %d follows from %d clients, server heap %s%n",
                    OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), options.follows(), options.clients(), options.heap());
            System.out.printf("server properties: %s%n", options.serverArgs().isEmpty() ? "(defaults)"
                    : String.join(" ", options.serverArgs()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (server != null) {
                    server.destroyForcibly();
                }
            }));
            try (FakeWeChatServer fake = FakeWeChatServer.start()) {
                start(fake.baseUrl());
                prepare();
                Path file = dataDir.resolve("wayfarer.mv.db");
                long emptyBytes = Files.size(file);
                Sample end = drive(fake, file, emptyBytes);
                if (options.settleSeconds() > 0) {
                    Thread.sleep(options.settleSeconds() * 1000L);
                }
                scrapeMetrics();
                long settled = Files.size(file);
                stopServer();
                H2LiveSize.Sizes live = H2LiveSize.measure(dataDir.resolve("wayfarer"), temp.resolve("live"));
                report(end, settled, emptyBytes, live);
            } finally {
                if (server != null && server.isAlive()) {
                    server.destroyForcibly();
                }
            }
        }

        private void start(String fakeUrl) throws Exception {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            baseUrl = "http://127.0.0.1:" + port;
            byte[] crypto = new byte[32];
            RANDOM.nextBytes(crypto);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), "-Xmx" + options.heap(), "-XX:+ExitOnOutOfMemoryError", "-cp", serverClasspath(),
                    "org.wayfarer.admin.WayfarerApplication", "--server.port=" + port,
                    "--wayfarer.data-dir=" + dataDir, "--wayfarer.wechat.api-base-url=" + fakeUrl,
                    "--wayfarer.admin.bootstrap-key=" + adminKey,
                    "--wayfarer.crypto.key=" + Base64.getEncoder().encodeToString(crypto),
                    "--wayfarer.engine.send-rate-per-second=5000", "--wayfarer.engine.send-burst=1000"));
            command.addAll(options.serverArgs());
            Path log = temp.resolve("server.log");
            server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!get("/actuator/health").contains("UP")) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("server did not come up; log: " + log);
                }
                Thread.sleep(200);
            }
            System.out.printf("server up on port %d (pid %d), log %s%n", port, server.pid(), log);
        }

        private void prepare() throws IOException {
            AdminClient admin = new AdminClient(baseUrl, adminKey);
            admin.connect(account);
            admin.createAndPublish(journeyDefinition());
        }

        /** Drives the follows, printing samples, and waits for every send; the last sample is the end of load. */
        private Sample drive(FakeWeChatServer fake, Path file, long emptyBytes) throws Exception {
            WeChatCallbacks callbacks = account.callbacks();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger acked = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                Thread thread = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < options.follows()) {
                        String openid = String.format("oGROWTH_%07d", i);
                        String xml = callbacks.subscribeFromQr(openid, String.format("store_%03d", i % 50), "T" + i);
                        if (post(callbacks, xml)) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }, "growth-client-" + c);
                thread.setDaemon(true);
                clients.add(thread);
            }
            long started = System.nanoTime();
            long cpuStarted = cpuNanos();
            clients.forEach(Thread::start);
            System.out.printf("%n%9s %9s %10s %9s %10s %11s%n", "follows", "elapsed", "follows/s", "sends",
                    "file MB", "KB/follow");
            int nextSample = options.sampleEvery();
            Sample last = null;
            long lastProgress = System.nanoTime();
            int lastSends = -1;
            while (true) {
                Thread.sleep(250);
                int done = acked.get() + failed.get();
                int sends = fake.templateSends().size();
                if (done >= nextSample || done >= options.follows() && sends >= acked.get()) {
                    last = new Sample(acked.get(), sends, System.nanoTime() - started, Files.size(file),
                            cpuNanos() - cpuStarted);
                    System.out.printf("%9d %8.0fs %10.0f %9d %10.1f %11.2f%n", last.acked(), last.elapsedNanos() / 1e9,
                            last.acked() / (last.elapsedNanos() / 1e9), last.sends(), last.fileBytes() / 1e6,
                            (last.fileBytes() - emptyBytes) / 1024.0 / Math.max(1, last.acked()));
                    scrapeMetrics();
                    nextSample = (done / options.sampleEvery() + 1) * options.sampleEvery();
                }
                if (done >= options.follows() && sends >= acked.get()) {
                    break;
                }
                if (sends != lastSends) {
                    lastSends = sends;
                    lastProgress = System.nanoTime();
                } else if (done >= options.follows() && System.nanoTime() - lastProgress > 60e9) {
                    System.out.printf("no send for 60 s: %d of %d sends arrived%n", sends, acked.get());
                    break;
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited during the run; see " + temp.resolve("server.log"));
                }
            }
            if (failed.get() > 0) {
                System.out.printf("%d callbacks were not acknowledged after retries%n", failed.get());
            }
            return last;
        }

        /** Posts one callback; a non-success answer is retried twice, as WeChat retries (the server dedupes). */
        private boolean post(WeChatCallbacks callbacks, String xml) {
            for (int attempt = 0; attempt < 3; attempt++) {
                var callback = callbacks.encrypted(xml);
                try {
                    HttpURLConnection connection = (HttpURLConnection) callback.uri(baseUrl).toURL().openConnection();
                    connection.setRequestMethod("POST");
                    connection.setDoOutput(true);
                    connection.setConnectTimeout(2000);
                    connection.setReadTimeout(30_000);
                    connection.setRequestProperty("Content-Type", "text/xml");
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(callback.body().getBytes(StandardCharsets.UTF_8));
                    }
                    int status = connection.getResponseCode();
                    try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (status == 200 && "success".equals(body.trim())) {
                            return true;
                        }
                    }
                } catch (IOException e) {
                    // a dropped connection: retried like WeChat would
                }
            }
            return false;
        }

        private void report(Sample end, long settledBytes, long emptyBytes, H2LiveSize.Sizes live) {
            double liveBytes = live.script();
            double endRatio = end.fileBytes() / liveBytes;
            double settledRatio = settledBytes / liveBytes;
            System.out.printf("%n== Embedded H2 file after %d follows ==%n", end.acked());
            System.out.printf("file while running, end of load    %10.1f MB   %8.2f KB per follow%n",
                    end.fileBytes() / 1e6, (end.fileBytes() - emptyBytes) / 1024.0 / Math.max(1, end.acked()));
            System.out.printf("file while running, %2d s later     %10.1f MB%n", options.settleSeconds(),
                    settledBytes / 1e6);
            System.out.printf("live data, SCRIPT+RUNSCRIPT+COMPACT %9.1f MB   %8.2f KB per follow%n",
                    live.script() / 1e6, live.script() / 1024.0 / Math.max(1, end.acked()));
            System.out.printf("live data, SHUTDOWN COMPACT of copy %9.1f MB%n", live.copy() / 1e6);
            System.out.printf("file / live, end of load            %9.2fx   target <= 3.0x  %s%n", endRatio,
                    endRatio <= 3.0 ? "MET" : "MISSED");
            System.out.printf("file / live, settled                %9.2fx   target <= 3.0x  %s%n", settledRatio,
                    settledRatio <= 3.0 ? "MET" : "MISSED");
            double seconds = end.elapsedNanos() / 1e9;
            System.out.printf("throughput: %.0f follows/s acknowledged, %.0f sends/s end to end; server CPU %.2f ms"
                    + " per follow%n", end.acked() / seconds, end.sends() / seconds,
                    end.cpuNanos() / 1e6 / Math.max(1, end.acked()));
            if (metricsMax.containsKey("wayfarer_h2_compaction_pause_seconds_count")) {
                double count = metricsMax.get("wayfarer_h2_compaction_pause_seconds_count");
                double sum = metricsMax.getOrDefault("wayfarer_h2_compaction_pause_seconds_sum", 0.0);
                System.out.printf("compaction: %.0f calls holding the commit lock, mean %.1f ms, longest seen %.1f ms%n",
                        count, count == 0 ? 0 : sum / count * 1000,
                        metricsMax.getOrDefault("wayfarer_h2_compaction_pause_seconds_max", 0.0) * 1000);
            } else {
                System.out.println("compaction: off (no wayfarer_h2_compaction_pause metrics)");
            }
        }

        /** Keeps the largest value seen of each compaction metric (Micrometer's max decays after a while). */
        private void scrapeMetrics() {
            String body;
            try {
                body = get("/actuator/prometheus");
            } catch (IOException | InterruptedException e) {
                return;
            }
            for (String line : body.split("\n")) {
                if (line.startsWith("wayfarer_h2_")) {
                    String[] parts = line.split(" ");
                    String name = parts[0].replaceAll("\\{.*}", "");
                    double value = Double.parseDouble(parts[parts.length - 1]);
                    metricsMax.merge(name, value, Math::max);
                }
            }
        }

        private void stopServer() throws InterruptedException {
            server.destroy();
            if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
                throw new IllegalStateException("the server did not stop within 60 s");
            }
        }

        private String get(String path) throws IOException, InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.net.ConnectException e) {
                return "";
            }
        }

        private long cpuNanos() {
            return server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    record Sample(int acked, int sends, long elapsedNanos, long fileBytes, long cpuNanos) {
    }

    private static String serverClasspath() {
        StringBuilder out = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith("-tests.jar") && !entry.endsWith("test-classes")) {
                out.append(out.isEmpty() ? "" : java.io.File.pathSeparator).append(entry);
            }
        }
        return out.toString();
    }

    /** The follow bench's store-welcome journey: one template send, then a 24 h wait. */
    private static String journeyDefinition() throws IOException {
        try (InputStream in = H2GrowthBench.class.getResourceAsStream("store-welcome.json")) {
            if (in == null) {
                throw new IllegalStateException("store-welcome.json is missing from the bench classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

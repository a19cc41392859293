package org.wayfarer.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM forked by the bench (Wayfarer, the baseline, the engine-only or the Flowable run), its stdout and stderr
 * appended to a log file.
 *
 * <p>Every started process is remembered until it has exited, and a JVM shutdown hook SIGKILLs whatever is left, so
 * an interrupted bench (Ctrl-C, exception) never leaves a server behind. Not thread-safe per instance; the registry is.
 */
final class ServerProcess {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::killAll, "bench-kill-servers"));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServerProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Forks {@code java [jvmFlags] -cp <classpath> mainClass [args]}; the log file is appended to, so a restarted
     * server writes after its predecessor.
     */
    static ServerProcess start(String name, int port, List<String> jvmFlags, String classpath, String mainClass,
                               List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return new ServerProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** A port that was free a moment ago on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bench JVM's own classpath minus test jars (a server needs none of them). */
    static String serverClasspath() {
        StringBuilder out = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith("-tests.jar") && !entry.endsWith("test-classes")) {
                out.append(out.isEmpty() ? "" : File.pathSeparator).append(entry);
            }
        }
        return out.toString();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** CPU time the server process has used so far (user + system), in nanoseconds; -1 if the OS does not say. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code path} until it answers 200 with a body containing {@code "UP"}; fails early if the process dies.
     */
    ServerProcess awaitHealthy(String path, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was healthy; log: " + log);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    System.out.printf("  %s is up on port %d (pid %d) after %.1f s%n", name, port, pid(),
                            (System.nanoTime() - started) / 1e9);
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; log: " + log);
    }

    /**
     * Waits for a JVM that ends by itself (the engine-only and Flowable runs); SIGKILLs it after {@code timeout}.
     *
     * @return its exit code, or -1 when it had to be killed
     */
    int awaitCompletion(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("  %s did not finish within %s; killing it%n", name, timeout);
        kill();
        return -1;
    }

    /** SIGKILL (Process.destroyForcibly is SIGKILL on Linux), then waits for the exit. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(10);
    }

    /** SIGTERM, so Spring shuts down cleanly (engine first, then the database); SIGKILL after {@code seconds}. */
    void stop(int seconds) {
        process.destroy();
        if (!awaitExit(seconds)) {
            System.out.printf("  %s did not stop within %d s; killing it%n", name, seconds);
            kill();
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lines of the log containing {@code marker} (e.g. " ERROR "), at most {@code limit} of them, and their count. */
    LogSummary scanLog(String marker, int limit) {
        List<String> first = new ArrayList<>();
        long count = 0;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains(marker)) {
                    count++;
                    if (first.size() < limit) {
                        first.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new LogSummary(0, List.of("(could not read " + log + ": " + e.getMessage() + ")"));
        }
        return new LogSummary(count, first);
    }

    record LogSummary(long count, List<String> first) {
    }

    /** SIGKILLs every server still running and waits (at most a few seconds) until they are gone. */
    static void killAll() {
        for (Process process : LIVE) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : LIVE) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

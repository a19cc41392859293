package org.wayfarer.admin.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wayfarer.admin.WayfarerApplication;

/**
 * The server in a separate JVM, so a test can {@code kill -9} it: {@link Process#destroyForcibly()} sends SIGKILL on
 * Linux, so nothing of the server (no shutdown hook, no flush) runs. Its output goes to {@code server-N.log} in the
 * data directory.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, String wechatApiBaseUrl, int generation) {
        return start(dataDir, wechatApiBaseUrl, generation, List.of());
    }

    /** @param extraArguments further {@code --property=value} arguments, e.g. a shorter engine lease */
    static ServerProcess start(Path dataDir, String wechatApiBaseUrl, int generation, List<String> extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), WayfarerApplication.class.getName(),
                "--server.port=" + port,
                "--wayfarer.data-dir=" + dataDir,
                "--wayfarer.wechat.api-base-url=" + wechatApiBaseUrl,
                "--wayfarer.admin.bootstrap-key=" + HttpApi.ADMIN_KEY));
        command.addAll(extraArguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server-" + generation + ".log").toFile()).start();
            ServerProcess server = new ServerProcess(process, port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || server.healthy());
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("server-" + generation + ".log"));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    HttpApi http() {
        return new HttpApi(baseUrl());
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
    }
}

package org.wayfarer.journey.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on 127.0.0.1 for tests: records each request and answers as told. */
final class Receiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    record Received(String method, URI uri, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** How to answer; {@code chunked} sends no Content-Length. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean chunked, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer answer = new Answer(204, Map.of(), new byte[0], false, false);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    Receiver answer(int status, String contentType, String body) {
        return answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    Receiver answer(int status, Map<String, String> headers, String body) {
        answer = new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), false, false);
        return this;
    }

    Receiver answerChunked(int status, String contentType, byte[] body) {
        answer = new Answer(status, Map.of("Content-Type", contentType), body, true, false);
        return this;
    }

    /** Reads the request, then answers nothing until {@link #close()}. */
    Receiver hang() {
        answer = new Answer(200, Map.of(), new byte[0], false, true);
        return this;
    }

    /** The next request received, waiting a little for it. */
    Received take() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the receiver got no request");
        }
        return next;
    }

    int count() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(),
                body));
        Answer a = answer;
        if (a.hang()) {
            try {
                release.await(30, TimeUnit.SECONDS); // bounded only so a broken test cannot hang the build
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        long length = a.body().length == 0 ? -1 : a.chunked() ? 0 : a.body().length;
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(a.status(), length);
            out.write(a.body());
        } catch (IOException clientWentAway) {
            // the client gave up (timeout, too large): nothing to answer to
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}

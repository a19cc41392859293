package org.wayfarer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's HTTP/1.1 client: {@link HttpURLConnection} with the JDK's keep-alive cache, blocking on the
 * calling thread. Chosen over {@code java.net.http.HttpClient}, whose blocking {@code send} hands every request to a
 * selector thread and a worker thread and back: on 2 cores that costs the bench about as much CPU as a server spends
 * on a callback. Thread-safe (one connection per calling thread at a time).
 */
final class BlockingHttp {

    /** Connect timeout. */
    private static final int CONNECT_MILLIS = 2_000;

    private BlockingHttp() {
    }

    /**
     * Must run before the first request: keeps up to {@code connections} idle connections per server (the JDK keeps
     * 5, and would close and reopen the rest on every request), and never silently resends a {@code POST} whose
     * connection broke (the JDK retries once by default, which would hide a failure and send a duplicate).
     */
    static void configure(int connections) {
        System.setProperty("http.keepAlive", "true");
        System.setProperty("http.maxConnections", Integer.toString(connections));
        System.setProperty("sun.net.http.retryPost", "false");
    }

    /** One request, ready to send any number of times. */
    record Call(String method, URL url, byte[] body, String contentType) {

        static Call post(URI uri, String body, String contentType) {
            return new Call("POST", url(uri), body.getBytes(StandardCharsets.UTF_8), contentType);
        }

        static Call get(URI uri) {
            return new Call("GET", url(uri), null, null);
        }

        private static URL url(URI uri) {
            try {
                return uri.toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(uri.toString(), e);
            }
        }
    }

    record Answer(int status, String body) {
    }

    /**
     * Sends the call and reads the whole answer (so the connection goes back to the keep-alive cache).
     *
     * @param readMillis how long to wait for the answer before giving up ({@link java.net.SocketTimeoutException})
     */
    static Answer send(Call call, int readMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) call.url().openConnection();
        connection.setConnectTimeout(CONNECT_MILLIS);
        connection.setReadTimeout(readMillis);
        connection.setUseCaches(false);
        connection.setRequestMethod(call.method());
        if (call.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(call.body().length);
            connection.setRequestProperty("Content-Type", call.contentType());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(call.body());
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Answer(status, "");
        }
        try (in) {
            return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package org.wayfarer.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Sends callbacks the two ways the bench measures: open loop (one request every {@code 1/rate} seconds on a fixed
 * schedule, whatever the server does: latency counts from the scheduled start, so a slow server cannot slow the
 * load down and hide its own queueing) and closed loop ({@code clients} connections each sending its next request as
 * soon as the previous one is answered: the maximum intake).
 *
 * <p>One keep-alive {@link HttpClient} (HTTP/1.1) serves both; a request counts as acknowledged when the server
 * answered 200 with body {@code success}, as WeChat requires.
 */
final class CallbackLoad {

    private final HttpClient client;

    CallbackLoad() {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * What happened to each request of a batch: {@code start[i]} is the (scheduled) send start, {@code acked[i]} when
     * {@code success} came back, 0 if it never did. Written by the driver threads, read after they finished.
     */
    record Outcome(long[] start, long[] acked, long maxLagNanos, long p99LagNanos, int failures,
                   String firstFailure) {

        int size() {
            return start.length;
        }

        int ackedCount() {
            int n = 0;
            for (long t : acked) {
                n += t != 0 ? 1 : 0;
            }
            return n;
        }

        boolean isAcked(int i) {
            return acked[i] != 0;
        }

        long firstStart() {
            long first = Long.MAX_VALUE;
            for (long t : start) {
                first = t != 0 ? Math.min(first, t) : first;
            }
            return first;
        }

        long lastAck() {
            long last = Long.MIN_VALUE;
            for (long t : acked) {
                last = t != 0 ? Math.max(last, t) : last;
            }
            return last;
        }

        /** Acknowledged callbacks per second, first send start to last acknowledgement. */
        double ackRate() {
            int n = ackedCount();
            return n == 0 ? 0 : n / ((lastAck() - firstStart()) / 1e9);
        }

        /** Send start to acknowledgement of every acknowledged callback, in nanoseconds. */
        long[] ackLatencies() {
            long[] out = new long[ackedCount()];
            int k = 0;
            for (int i = 0; i < start.length; i++) {
                if (acked[i] != 0) {
                    out[k++] = acked[i] - start[i];
                }
            }
            return out;
        }
    }

    /**
     * Sends request {@code i} at {@code t0 + i/rate} and returns when every request was answered or failed.
     *
     * @param onAck called on the client's thread with {@code i} right after request {@code i} was acknowledged
     *              (the crash run uses it to send WeChat-style retries); may be {@code null}
     */
    Outcome openLoop(FollowBatch batch, double rate, IntConsumer onAck) {
        int n = batch.size();
        long[] start = new long[n];
        long[] acked = new long[n];
        long[] lag = new long[n];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        long period = Math.round(1e9 / rate);
        long t0 = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < n; i++) {
            long at = t0 + i * period;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            start[i] = at;
            lag[i] = System.nanoTime() - at;
            int index = i;
            client.sendAsync(batch.request(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error == null && isSuccess(response)) {
                    acked[index] = System.nanoTime();
                    if (onAck != null) {
                        onAck.accept(index);
                    }
                } else {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, describe(response, error));
                }
                done.countDown();
            });
        }
        await(done);
        long[] sortedLag = lag.clone();
        Arrays.sort(sortedLag);
        return new Outcome(start, acked, sortedLag[n - 1], Stats.percentile(sortedLag, 0.99), failures.get(),
                firstFailure.get());
    }

    /** {@code clients} threads each send the next unsent request of the batch as soon as their last one returned. */
    Outcome closedLoop(FollowBatch batch, int clients) {
        return closedLoop(batch.size(), batch::request, clients, CallbackLoad::isSuccess);
    }

    /** The same for any requests, e.g. the GET echo of URL verification; {@code ok} says what counts as answered. */
    Outcome closedLoop(int n, IntFunction<HttpRequest> requests, int clients, Predicate<HttpResponse<String>> ok) {
        long[] start = new long[n];
        long[] acked = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    HttpRequest request = requests.apply(i);
                    start[i] = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (ok.test(response)) {
                            acked[i] = System.nanoTime();
                        } else {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, describe(response, null));
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, describe(null, e));
                    }
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Outcome(start, acked, 0, 0, failures.get(), firstFailure.get());
    }

    /** Sends one request and says whether it was acknowledged with {@code success}. */
    boolean sendOnce(HttpRequest request) {
        try {
            return isSuccess(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fire-and-forget version of {@link #sendOnce}: the answer is passed to {@code acked} (true for success). */
    void sendAsync(HttpRequest request, Consumer<Boolean> acked) {
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> acked.accept(error == null && isSuccess(response)));
    }

    private static boolean isSuccess(HttpResponse<String> response) {
        return response.statusCode() == 200 && "success".equals(response.body().trim());
    }

    private static String describe(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        String body = response.body() == null ? "" : response.body();
        return "HTTP " + response.statusCode() + " " + (body.length() > 120 ? body.substring(0, 120) : body);
    }

    private static void await(CountDownLatch done) {
        try {
            if (!done.await(FollowBatch.REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered long after their timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

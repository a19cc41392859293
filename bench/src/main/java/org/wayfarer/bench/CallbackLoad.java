package org.wayfarer.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.wayfarer.bench.BlockingHttp.Answer;
import org.wayfarer.bench.BlockingHttp.Call;

/**
 * Sends callbacks the two ways the bench measures: open loop (one request every {@code 1/rate} seconds on a fixed
 * schedule, whatever the server does: latency counts from the scheduled start, so a slow server cannot slow the
 * load down and hide its own queueing) and closed loop ({@code clients} connections each sending its next request as
 * soon as the previous one is answered: the maximum intake).
 *
 * <p>Requests go through {@link BlockingHttp} (HTTP/1.1 keep-alive). A callback counts as acknowledged when the
 * server answered 200 with body {@code success} within {@link FollowBatch#REQUEST_TIMEOUT}, as WeChat requires.
 */
final class CallbackLoad {

    /** Concurrent requests (and so connections) of the open-loop client pool. */
    static final int OPEN_LOOP_CONNECTIONS = 64;

    private static final int READ_MILLIS = (int) FollowBatch.REQUEST_TIMEOUT.toMillis();

    private final ExecutorService retries = Executors.newCachedThreadPool(CallbackLoad::daemon);

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
     * Schedules request {@code i} at {@code t0 + i/rate} and returns when every request was answered or failed. A
     * pool of {@link #OPEN_LOOP_CONNECTIONS} client threads sends them (each blocking on its request, so at most that
     * many connections are open); a request that finds them all busy waits in the queue, and that wait counts in
     * its latency, because latency runs from the scheduled start.
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
        ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_CONNECTIONS, CallbackLoad::daemon);
        try {
            long period = Math.round(1e9 / rate);
            long t0 = System.nanoTime() + 20_000_000L;
            for (int i = 0; i < n; i++) {
                long at = t0 + i * period;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                start[i] = at;
                int index = i;
                pool.execute(() -> {
                    lag[index] = System.nanoTime() - at;
                    String failure = attempt(batch.call(index), CallbackLoad::isSuccess);
                    if (failure == null) {
                        acked[index] = System.nanoTime();
                        if (onAck != null) {
                            onAck.accept(index);
                        }
                    } else {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                    done.countDown();
                });
            }
            // every request answered or timed out: even if each one took the full timeout, the pool is done by then
            await(done, FollowBatch.REQUEST_TIMEOUT.toSeconds() * (n / OPEN_LOOP_CONNECTIONS + 1) + 30);
        } finally {
            pool.shutdownNow();
        }
        long[] sortedLag = lag.clone();
        Arrays.sort(sortedLag);
        return new Outcome(start, acked, sortedLag[n - 1], Stats.percentile(sortedLag, 0.99), failures.get(),
                firstFailure.get());
    }

    /** {@code clients} threads each send the next unsent request of the batch as soon as their last one returned. */
    Outcome closedLoop(FollowBatch batch, int clients) {
        return closedLoop(batch.size(), batch::call, clients, CallbackLoad::isSuccess);
    }

    /** The same for any requests, e.g. the GET echo of URL verification; {@code ok} says what counts as answered. */
    Outcome closedLoop(int n, IntFunction<Call> calls, int clients, Predicate<Answer> ok) {
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
                    Call call = calls.apply(i);
                    start[i] = System.nanoTime();
                    String failure = attempt(call, ok);
                    if (failure == null) {
                        acked[i] = System.nanoTime();
                    } else {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
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

    /** Sends one callback and says whether it was acknowledged with {@code success}. */
    boolean sendOnce(Call call) {
        return attempt(call, CallbackLoad::isSuccess) == null;
    }

    /** {@link #sendOnce} on another thread: the answer is passed to {@code acked} (true for success). */
    void sendAsync(Call call, Consumer<Boolean> acked) {
        retries.execute(() -> acked.accept(sendOnce(call)));
    }

    /** Sends the call; {@code null} when {@code ok} accepts the answer, otherwise what went wrong. */
    private static String attempt(Call call, Predicate<Answer> ok) {
        try {
            Answer answer = BlockingHttp.send(call, READ_MILLIS);
            if (ok.test(answer)) {
                return null;
            }
            String body = answer.body();
            return "HTTP " + answer.status() + " " + (body.length() > 120 ? body.substring(0, 120) : body);
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    static boolean isSuccess(Answer answer) {
        return answer.status() == 200 && "success".equals(answer.body().trim());
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "bench-open-loop");
        thread.setDaemon(true);
        return thread;
    }

    private static void await(CountDownLatch done, long seconds) {
        try {
            if (!done.await(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered long after their timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

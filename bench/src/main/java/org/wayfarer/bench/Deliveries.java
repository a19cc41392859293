package org.wayfarer.bench;

import java.time.Duration;
import java.util.List;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;

/**
 * The template sends one {@link FollowBatch} caused, as the fake WeChat received them: for follower {@code i}, how
 * many arrived and when the first did ({@link System#nanoTime()} of the bench JVM, the same clock as the send
 * starts). Immutable snapshot.
 */
final class Deliveries {

    private final int[] count;
    private final long[] firstArrival;
    private final long lastArrival;

    private Deliveries(int[] count, long[] firstArrival, long lastArrival) {
        this.count = count;
        this.firstArrival = firstArrival;
        this.lastArrival = lastArrival;
    }

    static Deliveries of(FakeWeChatServer fake, FollowBatch batch) {
        int[] count = new int[batch.size()];
        long[] first = new long[batch.size()];
        long last = Long.MIN_VALUE;
        List<TemplateSend> sends = fake.templateSends();
        for (TemplateSend send : sends) {
            int i = batch.indexOf(send.toUser());
            if (i < 0) {
                continue;
            }
            if (count[i]++ == 0) {
                first[i] = send.arrivedAtNanos();
            }
            last = Math.max(last, send.arrivedAtNanos());
        }
        return new Deliveries(count, first, last);
    }

    /**
     * Waits until every follower with {@code expected[i]} has a send, or no new send arrived for {@code stall}, or
     * {@code timeout} passed; returns the last snapshot.
     */
    static Deliveries await(FakeWeChatServer fake, FollowBatch batch, boolean[] expected, Duration stall,
                            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastTotal = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            Deliveries now = of(fake, batch);
            if (now.covers(expected)) {
                return now;
            }
            int total = now.total();
            if (total != lastTotal) {
                lastTotal = total;
                lastProgress = System.nanoTime();
            }
            long t = System.nanoTime();
            if (t - lastProgress > stall.toNanos() || t > deadline) {
                return now;
            }
            ServerProcess.sleep(20);
        }
    }

    private boolean covers(boolean[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] && count[i] == 0) {
                return false;
            }
        }
        return true;
    }

    int count(int i) {
        return count[i];
    }

    boolean received(int i) {
        return count[i] > 0;
    }

    /** Followers with at least one send. */
    int followersReached() {
        int n = 0;
        for (int c : count) {
            n += c > 0 ? 1 : 0;
        }
        return n;
    }

    /** All sends, duplicates included. */
    int total() {
        int n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    /** Followers who got more than one send. */
    int duplicated() {
        int n = 0;
        for (int c : count) {
            n += c > 1 ? 1 : 0;
        }
        return n;
    }

    /** Latest arrival of any send of the batch; {@link Long#MIN_VALUE} when none arrived. */
    long lastArrival() {
        return lastArrival;
    }

    /** Scheduled callback start to first template send arrival, for every follower that got one, in nanoseconds. */
    long[] latencies(CallbackLoad.Outcome outcome) {
        long[] out = new long[followersReached()];
        int k = 0;
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) {
                out[k++] = firstArrival[i] - outcome.start()[i];
            }
        }
        return out;
    }
}

package org.wayfarer.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;

/**
 * Drives follows at the open-loop rate, SIGKILLs the Wayfarer server while callbacks are in flight, restarts it on
 * the same data dir, re-sends what was not acknowledged (as WeChat retries), and counts what each follower got.
 *
 * <p>Every tenth follower's callback is also sent a second time: right after its first acknowledgement (a hot
 * retry, before the crash) and again after the restart (a cold retry that only the database can recognise). The
 * send lease is shortened to {@link #LEASE} so sends that were mid-call at the kill are declared UNKNOWN (reported,
 * never resent) within the run.
 */
final class CrashRun {

    static final Duration LEASE = Duration.ofSeconds(5);
    private static final int SAMPLE_EVERY = 10;
    private static final int RETRY_CLIENTS = 16;

    private final BenchOptions options;
    private final Servers servers;
    private final Path tempDir;

    CrashRun(BenchOptions options, Servers servers, Path tempDir) {
        this.options = options;
        this.servers = servers;
        this.tempDir = tempDir;
    }

    /** Everything the crash run counted; see {@link Report#printCrash}. */
    record Result(int callbacks, int startedBeforeKill, int ackedBeforeKill, int inFlightAtKill, int refusedAfterKill,
                  int retried, int retriedAcked, int ackedFollowers, int exactlyOnce, int lost,
                  Map<String, Integer> lostByServerStatus, List<String> lostTimelineSample, int duplicated,
                  int sendsWithoutAck, int hotRetries, int hotRetriesAcked, int coldRetries, int coldRetriesAcked,
                  int unknownDelivered, long storedEvents, Map<String, Long> outbox, Map<String, Long> events,
                  Path log) {
    }

    Result run() throws Exception {
        BenchAccount account = BenchAccount.random();
        Path dataDir = tempDir.resolve("crash-data");
        Path log = tempDir.resolve("logs/wayfarer-crash.log");
        List<String> lease = List.of("--wayfarer.engine.lease=" + LEASE.toSeconds() + "s");
        try (FakeWeChatServer fake = FakeWeChatServer.start()) {
            ServerProcess first = servers.startWayfarer("wayfarer (crash run)", dataDir, log, fake.baseUrl(), lease,
                    false);
            servers.prepareWayfarer(first, account);
            CallbackLoad load = new CallbackLoad();

            // the first follows (--warmup, at most one second's worth) warm the server up (JIT, access token); they
            // are counted like all the others
            int warmup = (int) Math.min(options.warmup(), options.rate());
            double killAfter = warmup / options.rate() + options.crashSeconds();
            int n = warmup + (int) Math.round(options.rate() * (options.crashSeconds() + 0.5));
            FollowBatch batch = FollowBatch.of("K", n, account.callbacks(), first.baseUrl());
            AtomicInteger hot = new AtomicInteger();
            AtomicInteger hotAcked = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            Thread killer = new Thread(() -> {
                ServerProcess.sleep(Math.round(killAfter * 1000) + 20);
                killedAt.set(System.nanoTime());
                first.kill();
            }, "bench-killer");
            System.out.printf("  driving %d follows at %.0f/s; kill -9 of pid %d after %.1f s ...%n", n,
                    options.rate(), first.pid(), killAfter);
            killer.start();
            CallbackLoad.Outcome outcome = load.openLoop(batch, options.rate(), i -> {
                if (i % SAMPLE_EVERY == 0) {
                    hot.incrementAndGet();
                    load.sendAsync(batch.call(i), ok -> {
                        if (ok) {
                            hotAcked.incrementAndGet();
                        }
                    });
                }
            });
            killer.join();
            long kill = killedAt.get();
            Deliveries beforeRestart = Deliveries.of(fake, batch);
            System.out.printf("  killed; %d acknowledged, %d sends had arrived; restarting on the same data dir%n",
                    outcome.ackedCount(), beforeRestart.total());

            ServerProcess second = servers.startWayfarer("wayfarer (restarted)", dataDir, log, fake.baseUrl(), lease,
                    false);
            long restartedAt = System.nanoTime();
            boolean[] acked = new boolean[n];
            List<Integer> unacked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                acked[i] = outcome.isAcked(i);
                if (!acked[i]) {
                    unacked.add(i);
                }
            }
            // WeChat retries an unanswered push; the restarted server is on another port, the request is the same
            CallbackLoad.Outcome retry = load.closedLoop(unacked.size(),
                    k -> FollowBatch.post(batch.callback(unacked.get(k)), second.baseUrl()), RETRY_CLIENTS,
                    CallbackLoad::isSuccess);
            int retriedAcked = retry.ackedCount();
            for (int k = 0; k < unacked.size(); k++) {
                if (retry.isAcked(k)) {
                    acked[unacked.get(k)] = true;
                }
            }
            int cold = 0;
            int coldAcked = 0;
            for (int i = 0; i < n; i += SAMPLE_EVERY) {
                if (outcome.isAcked(i)) {
                    cold++;
                    coldAcked += load.sendOnce(FollowBatch.post(batch.callback(i), second.baseUrl())) ? 1 : 0;
                }
            }
            Deliveries settled = settle(fake, batch, acked, restartedAt);

            List<Integer> lost = new ArrayList<>();
            int exactlyOnce = 0;
            int sendsWithoutAck = 0;
            int ackedFollowers = 0;
            for (int i = 0; i < n; i++) {
                if (acked[i]) {
                    ackedFollowers++;
                    if (!settled.received(i)) {
                        lost.add(i);
                    }
                } else if (settled.received(i)) {
                    sendsWithoutAck++;
                }
                exactlyOnce += settled.count(i) == 1 ? 1 : 0;
            }
            List<String> timelines = new ArrayList<>();
            AdminClient admin = new AdminClient(second.baseUrl(), servers.adminKey());
            for (int i : lost.subList(0, Math.min(5, lost.size()))) {
                timelines.add(batch.openid(i) + ": messages " + admin.messageStatuses(account.appId(), batch.openid(i)));
            }
            second.stop(30);
            FollowBench.summarizeLog(second);

            Map<String, Integer> lostByStatus = new TreeMap<>();
            int unknownDelivered = 0;
            long storedEvents;
            Map<String, Long> outbox;
            Map<String, Long> events;
            try (ServerDatabase db = ServerDatabase.open(dataDir)) {
                Map<String, List<String>> rows = db.outboxByRecipient("oK_");
                for (int i : lost) {
                    List<String> statuses = rows.get(batch.openid(i));
                    lostByStatus.merge(statuses == null ? "no outbox row" : String.join("+", statuses), 1,
                            Integer::sum);
                }
                for (int i = 0; i < n; i++) {
                    List<String> statuses = rows.get(batch.openid(i));
                    if (statuses != null && statuses.contains("UNKNOWN") && settled.received(i)) {
                        unknownDelivered++;
                    }
                }
                storedEvents = db.eventsFor("oK_");
                outbox = db.statusCounts("outbox");
                events = db.statusCounts("contact_event");
            }
            int started = 0;
            int ackedBefore = 0;
            for (int i = 0; i < n; i++) {
                if (outcome.start()[i] < kill) {
                    started++;
                    ackedBefore += outcome.isAcked(i) && outcome.acked()[i] <= kill ? 1 : 0;
                }
            }
            return new Result(n, started, ackedBefore, started - ackedBefore, n - started, unacked.size(), retriedAcked,
                    ackedFollowers, exactlyOnce, lost.size(), lostByStatus, timelines, settled.duplicated(),
                    sendsWithoutAck, hot.get(), hotAcked.get(), cold, coldAcked, unknownDelivered, storedEvents, outbox,
                    events, log);
        }
    }

    /**
     * Waits until every acknowledged follower has a send, then until the lease of any send that was mid-call at the
     * kill has expired plus a quiet spell, so a wrongful resend would still be seen; bounded by the drain timeout.
     */
    private Deliveries settle(FakeWeChatServer fake, FollowBatch batch, boolean[] acked, long restartedAt) {
        Duration drain = Duration.ofSeconds(options.drainSeconds());
        Deliveries deliveries = Deliveries.await(fake, batch, acked, LEASE.plusSeconds(5), drain);
        long earliestEnd = restartedAt + LEASE.plusSeconds(3).toNanos();
        long deadline = restartedAt + drain.toNanos();
        long quietSince = System.nanoTime();
        int total = deliveries.total();
        while (System.nanoTime() < deadline) {
            ServerProcess.sleep(200);
            deliveries = Deliveries.of(fake, batch);
            if (deliveries.total() != total) {
                total = deliveries.total();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() > earliestEnd && System.nanoTime() - quietSince > 2_000_000_000L) {
                break;
            }
        }
        return deliveries;
    }
}

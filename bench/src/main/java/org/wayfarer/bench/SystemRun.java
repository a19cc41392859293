package org.wayfarer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/**
 * Runs the measured phases against one running system (Wayfarer or the baseline), after a warm-up at the first rate
 * and {@link #settle() settling} at the low-load rate:
 * <ol>
 *   <li>low load: {@code lowFollows} follow callbacks open loop at {@code lowRate} (default 20/s), then waits for
 *       their sends: the callback latency of a server that is not queueing;</li>
 *   <li>latency, once per rate of {@code --rates}: {@code follows} follow callbacks open loop at that rate, then
 *       waits for their template sends;</li>
 *   <li>max intake: {@code follows} more, closed loop with {@code clients} connections, then waits for the sends;</li>
 *   <li>the GET echo (URL verification) closed loop: the HTTP floor of the system, nothing stored.</li>
 * </ol>
 */
final class SystemRun {

    /** No new template send for this long ends the wait for the rest (they are reported missing). */
    private static final Duration STALL = Duration.ofSeconds(10);

    private static final int SETTLE_ROUND_SECONDS = 15;

    private final String name;
    private final String tag;
    private final ServerProcess server;
    private final String baseUrl;
    private final FakeWeChatServer fake;
    private final WeChatCallbacks callbacks;
    private final BenchOptions options;
    private final ServerCounters counters;
    private final CallbackLoad load = new CallbackLoad();

    /**
     * @param tag      one letter for this system's follower openids, e.g. {@code W} or {@code B}
     * @param counters what the server side counts (statements, commits, file growth), or {@link ServerCounters#NONE}
     */
    SystemRun(String name, String tag, ServerProcess server, FakeWeChatServer fake, BenchAccount account,
              BenchOptions options, ServerCounters counters) {
        this.name = name;
        this.tag = tag;
        this.server = server;
        this.baseUrl = server.baseUrl();
        this.fake = fake;
        this.callbacks = account.callbacks();
        this.options = options;
        this.counters = counters;
    }

    /**
     * @param lowLoad      the open-loop phase at {@link BenchOptions#lowRate()}, or {@code null} if it did not run
     * @param latency      the open-loop phases, in the order of {@link BenchOptions#rates()}
     * @param intake       the closed-loop phase
     * @param echoRate     GET echo requests answered per second, closed loop
     * @param echoP99Ms    their p99 latency
     */
    record Result(String name, PhaseResult lowLoad, List<PhaseResult> latency, PhaseResult intake, double echoRate,
                  double echoP99Ms) {

        /** The open-loop phase at {@code rate}, or {@code null} if that rate was not run. */
        PhaseResult at(List<Double> rates, double rate) {
            int i = rates.indexOf(rate);
            return i < 0 ? null : latency.get(i);
        }
    }

    Result run() {
        if (options.warmup() > 0) {
            FollowBatch warm = FollowBatch.of(tag + "X", options.warmup(), callbacks, baseUrl);
            PhaseResult warmed = measure(warm, () -> load.openLoop(warm, options.rate(), null), Duration.ofSeconds(5));
            System.out.printf("  %s warm-up: %d follows, %d acknowledged, %d sends arrived%n", name, warmed.sent(),
                    warmed.acked(), warmed.received());
        }
        settle();

        PhaseResult lowLoad = options.lowFollows() == 0 ? null
                : openLoop("low-load", tag + "L", options.lowFollows(), options.lowRate());
        List<PhaseResult> latencies = new ArrayList<>();
        for (int r = 0; r < options.rates().size(); r++) {
            latencies.add(openLoop("latency", tag + "O" + r, options.follows(), options.rates().get(r)));
        }

        FollowBatch closed = FollowBatch.of(tag + "C", options.follows(), callbacks, baseUrl);
        System.out.printf("  %s intake phase: %d follows closed loop, %d clients ...%n", name, closed.size(),
                options.clients());
        PhaseResult intake = measure(closed, () -> load.closedLoop(closed, options.clients()), STALL);
        System.out.printf("    %s acknowledged, all %d sends after %s%n", Stats.rate(intake.ackRate()),
                intake.received(), Stats.seconds(intake.lastArrivalSec()));

        int echoes = options.follows();
        CallbackLoad.Outcome echo = load.closedLoop(echoes, this::echoCall, options.clients(),
                answer -> answer.status() == 200 && answer.body().startsWith("echo"));
        double echoP99 = Stats.summaryMillis(echo.ackLatencies())[2];
        ensureAlive();
        System.out.printf("  %s GET echo: %s, p99 %s%n", name, Stats.rate(echo.ackRate()), Stats.ms(echoP99));
        return new Result(name, lowLoad, List.copyOf(latencies), intake, echo.ackRate(), echoP99);
    }

    /**
     * Unmeasured follows at the low-load rate for {@link BenchOptions#settleSeconds()}, in rounds of
     * {@value #SETTLE_ROUND_SECONDS} s, each round's callback p50 and server CPU per follow printed: on two slow cores
     * a JVM as large as the Wayfarer server is still C2-compiling what the warm-up made hot minutes later (each
     * compile taking a core for hundreds of milliseconds), and a phase measured meanwhile measures the compiler. The
     * rounds show the server coming down to its running cost; the baseline settles within its first round.
     */
    private void settle() {
        int left = options.settleSeconds();
        for (int round = 0; left > 0; round++) {
            int seconds = Math.min(SETTLE_ROUND_SECONDS, left);
            left -= seconds;
            FollowBatch batch = FollowBatch.of(tag + "S" + round, (int) Math.max(1, Math.round(seconds
                    * options.lowRate())), callbacks, baseUrl);
            PhaseResult settled = measure(batch, () -> load.openLoop(batch, options.lowRate(), null), STALL);
            System.out.printf("  %s settling, %d s at %.0f/s: callback p50 %s, server CPU per follow %s%n", name,
                    options.settleSeconds() - left, options.lowRate(), Stats.ms(settled.ackP50()),
                    Stats.ms(settled.serverCpuMs()));
        }
    }

    /** One measured open-loop phase: {@code follows} new followers at {@code rate}, then the wait for their sends. */
    private PhaseResult openLoop(String phase, String batchTag, int follows, double rate) {
        FollowBatch open = FollowBatch.of(batchTag, follows, callbacks, baseUrl);
        System.out.printf("  %s %s phase: %d follows open loop at %.0f/s ...%n", name, phase, open.size(), rate);
        PhaseResult result = measure(open, () -> load.openLoop(open, rate, null), STALL);
        System.out.printf("    acknowledged %d/%d, callback p50 %s p99 %s, sends %d, follow->send p99 %s%n",
                result.acked(), result.sent(), Stats.ms(result.ackP50()), Stats.ms(result.ackP99()),
                result.received(), Stats.ms(result.followP99()));
        return result;
    }

    /**
     * Drives the batch, waits for its sends, and counts the CPU both JVMs spent on it and what the server side
     * counted meanwhile.
     */
    private PhaseResult measure(FollowBatch batch, Supplier<CallbackLoad.Outcome> drive, Duration stall) {
        ServerCounters.Sample before = counters.sample();
        long started = System.nanoTime();
        long machineCpu = Stats.machineBusyNanos();
        long serverCpu = server.cpuNanos();
        long benchCpu = Stats.ownCpuNanos();
        CallbackLoad.Outcome outcome = drive.get();
        boolean[] expected = new boolean[batch.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = outcome.isAcked(i);
        }
        if (outcome.failures() > 0) {
            System.out.printf("    %d callbacks failed; first: %s%n", outcome.failures(), outcome.firstFailure());
        }
        Deliveries deliveries = Deliveries.await(fake, batch, expected, stall,
                Duration.ofSeconds(options.drainSeconds()));
        ensureAlive();
        long serverUsed = server.cpuNanos() - serverCpu;
        long benchUsed = Stats.ownCpuNanos() - benchCpu;
        long machineUsed = Stats.machineBusyNanos() - machineCpu;
        ServerCounters.Sample after = counters.sample(); // after the CPU readings: a scrape costs the server CPU
        double serverMs = serverCpu < 0 ? Double.NaN : serverUsed / 1e6 / batch.size();
        double benchMs = benchCpu < 0 ? Double.NaN : benchUsed / 1e6 / batch.size();
        double otherCores = machineCpu < 0 || serverCpu < 0 || benchCpu < 0 ? Double.NaN
                : Math.max(0, machineUsed - serverUsed - benchUsed) / (double) (System.nanoTime() - started);
        return PhaseResult.of(outcome, deliveries, serverMs, benchMs, otherCores,
                after.perFollow(before, batch.size()));
    }

    private void ensureAlive() {
        if (!server.isAlive()) {
            throw new IllegalStateException(name + " exited during the run; log: " + server.log());
        }
    }

    private BlockingHttp.Call echoCall(int i) {
        return BlockingHttp.Call.get(callbacks.urlVerification("echo" + i).uri(baseUrl));
    }
}

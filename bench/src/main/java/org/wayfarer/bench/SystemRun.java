package org.wayfarer.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/**
 * Runs the two measured phases against one running system (Wayfarer or the baseline), after a warm-up:
 * <ol>
 *   <li>latency: {@code follows} follow callbacks open loop at {@code rate}, then waits for their template sends;</li>
 *   <li>max intake: {@code follows} more, closed loop with {@code clients} connections, then waits for the sends;</li>
 *   <li>the GET echo (URL verification) closed loop: the HTTP floor of the system, nothing stored.</li>
 * </ol>
 */
final class SystemRun {

    /** No new template send for this long ends the wait for the rest (they are reported missing). */
    private static final Duration STALL = Duration.ofSeconds(10);

    private final String name;
    private final String tag;
    private final String baseUrl;
    private final FakeWeChatServer fake;
    private final WeChatCallbacks callbacks;
    private final BenchOptions options;
    private final CallbackLoad load = new CallbackLoad();

    /**
     * @param tag one letter for this system's follower openids, e.g. {@code W} or {@code B}
     */
    SystemRun(String name, String tag, String baseUrl, FakeWeChatServer fake, BenchAccount account,
              BenchOptions options) {
        this.name = name;
        this.tag = tag;
        this.baseUrl = baseUrl;
        this.fake = fake;
        this.callbacks = account.callbacks();
        this.options = options;
    }

    /**
     * @param latency      the open-loop phase
     * @param intake       the closed-loop phase
     * @param echoRate     GET echo requests answered per second, closed loop
     * @param echoP99Ms    their p99 latency
     */
    record Result(String name, PhaseResult latency, PhaseResult intake, double echoRate, double echoP99Ms) {
    }

    Result run() {
        if (options.warmup() > 0) {
            FollowBatch warm = FollowBatch.of(tag + "X", options.warmup(), callbacks, baseUrl);
            PhaseResult warmed = measure(warm, load.openLoop(warm, options.rate(), null), Duration.ofSeconds(5));
            System.out.printf("  %s warm-up: %d follows, %d acknowledged, %d sends arrived%n", name, warmed.sent(),
                    warmed.acked(), warmed.received());
        }

        FollowBatch open = FollowBatch.of(tag + "O", options.follows(), callbacks, baseUrl);
        System.out.printf("  %s latency phase: %d follows open loop at %.0f/s ...%n", name, open.size(),
                options.rate());
        PhaseResult latency = measure(open, load.openLoop(open, options.rate(), null), STALL);
        System.out.printf("    acknowledged %d/%d, sends %d, follow->send p99 %s%n", latency.acked(), latency.sent(),
                latency.received(), Stats.ms(latency.followP99()));

        FollowBatch closed = FollowBatch.of(tag + "C", options.follows(), callbacks, baseUrl);
        System.out.printf("  %s intake phase: %d follows closed loop, %d clients ...%n", name, closed.size(),
                options.clients());
        PhaseResult intake = measure(closed, load.closedLoop(closed, options.clients()), STALL);
        System.out.printf("    %s acknowledged, all %d sends after %s%n", Stats.rate(intake.ackRate()),
                intake.received(), Stats.seconds(intake.lastArrivalSec()));

        int echoes = options.follows();
        CallbackLoad.Outcome echo = load.closedLoop(echoes, this::echoRequest, options.clients(),
                response -> response.statusCode() == 200 && response.body().startsWith("echo"));
        double echoP99 = Stats.summaryMillis(echo.ackLatencies())[2];
        System.out.printf("  %s GET echo: %s, p99 %s%n", name, Stats.rate(echo.ackRate()), Stats.ms(echoP99));
        return new Result(name, latency, intake, echo.ackRate(), echoP99);
    }

    private PhaseResult measure(FollowBatch batch, CallbackLoad.Outcome outcome, Duration stall) {
        boolean[] expected = new boolean[batch.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = outcome.isAcked(i);
        }
        if (outcome.failures() > 0) {
            System.out.printf("    %d callbacks failed; first: %s%n", outcome.failures(), outcome.firstFailure());
        }
        Deliveries deliveries = Deliveries.await(fake, batch, expected, stall,
                Duration.ofSeconds(options.drainSeconds()));
        return PhaseResult.of(outcome, deliveries);
    }

    private HttpRequest echoRequest(int i) {
        return HttpRequest.newBuilder(callbacks.urlVerification("echo" + i).uri(baseUrl))
                .timeout(FollowBatch.REQUEST_TIMEOUT).GET().build();
    }
}

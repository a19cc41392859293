package org.wayfarer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wayfarer.bench.probe.ResultFile;

class TargetsTest {

    private static final BenchOptions DEFAULTS = BenchOptions.parse(new String[0]);

    @Test
    void judgesEveryBudgetFromTheSameRunsNumbers() {
        SystemRun.Result wayfarer = system(phase(490, 30, 500, 4.0), phase(990, 45, 1000, 3.0),
                phase(3000, 20, 1200, 2.5));
        SystemRun.Result baseline = system(phase(500, 20, 500, 3.0), phase(1000, 25, 1000, 2.0),
                phase(2000, 15, 2000, 1.5));
        ResultFile engine = new ResultFile().put("entries.per-second", 5000)
                .put("burst.count", 100_000).put("burst.resumed", 100_000).put("burst.all-seconds", 25)
                .put("steady.rate", 2000).put("steady.late-p99", 400);
        ResultFile flowable = new ResultFile().put("starts.per-second", 400);

        Map<String, Targets.Verdict> verdicts = byBudget(Targets.judge(DEFAULTS, wayfarer, baseline, engine,
                flowable, engine));

        assertThat(verdicts.get("callback intake >= 1.0x the plain handler's").word()).isEqualTo("MET");
        assertThat(verdicts.get("follow -> send p99 at 500/s <= 2x the plain handler's").ratio()).isEqualTo(1.5);
        assertThat(verdicts.get("follow -> send p99 at 500/s <= 2x the plain handler's").word()).isEqualTo("MET");
        assertThat(verdicts.get("follow -> send p99 at 1000/s <= 50 ms").word()).isEqualTo("MET");
        assertThat(verdicts.get("sustained end to end >= 1,000 follows/s").word()).isEqualTo("MET");
        assertThat(verdicts.get("server CPU per follow <= 2x the plain handler's").ratio()).isEqualTo(4.0 / 3.0);
        assertThat(verdicts.get("engine-only entries >= 10x Flowable's starts").ratio()).isEqualTo(12.5);
        assertThat(verdicts.get("100k timers due at once all resumed within 20 s").word()).isEqualTo("MISSED");
        assertThat(verdicts.get("timer lateness p99 <= 1 s at 2,000 due/s").word()).isEqualTo("MET");
        assertThat(verdicts.get("callback intake >= 5,000/s with p99 <= 50 ms").word()).isEqualTo("MISSED");
    }

    @Test
    void aBurstThatDidNotFinishIsMissedAndASmallerOneIsNotJudged() {
        ResultFile unfinished = new ResultFile().put("burst.count", 100_000).put("burst.resumed", 40_000)
                .put("burst.all-seconds", Double.NaN);
        ResultFile small = new ResultFile().put("burst.count", 1000).put("burst.resumed", 1000)
                .put("burst.all-seconds", 1).put("steady.rate", 200).put("steady.late-p99", 100);

        Targets.Verdict missed = byBudget(Targets.judge(DEFAULTS, null, null, null, null, unfinished))
                .get("100k timers due at once all resumed within 20 s");
        Map<String, Targets.Verdict> smoke = byBudget(Targets.judge(DEFAULTS, null, null, null, null, small));

        assertThat(missed.word()).isEqualTo("MISSED");
        assertThat(missed.measured()).isEqualTo("40000 of 100000 within the wait");
        assertThat(smoke.get("100k timers due at once all resumed within 20 s").word()).isEqualTo("NOT JUDGED");
        assertThat(smoke.get("timer lateness p99 <= 1 s at 2,000 due/s").word()).isEqualTo("NOT JUDGED");
    }

    @Test
    void latencyBudgetsNeedTheirRates() {
        BenchOptions smoke = BenchOptions.parse(new String[] {"--smoke"});
        SystemRun.Result wayfarer = system(phase(100, 10, 100, 4), phase(200, 10, 200, 4), phase(300, 10, 300, 4));

        Map<String, Targets.Verdict> verdicts = byBudget(Targets.judge(smoke, wayfarer, wayfarer, null, null, null));

        assertThat(verdicts.get("follow -> send p99 at 500/s <= 2x the plain handler's").word())
                .isEqualTo("NOT JUDGED");
        assertThat(verdicts.get("follow -> send p99 at 1000/s <= 50 ms").word()).isEqualTo("NOT JUDGED");
        assertThat(verdicts.get("server CPU per follow <= 2x the plain handler's").word()).isEqualTo("MET");
    }

    @Test
    void lowLoadJudgesTheAddedP50AndShowsTheAddedP99() {
        PhaseResult baseline = lowLoad(400, 1.2, 9.0);

        Targets.Verdict met = Targets.lowLoad(lowLoad(400, 2.9, 40.0), baseline);
        Targets.Verdict missed = Targets.lowLoad(lowLoad(400, 3.5, 9.5), baseline);
        Targets.Verdict unanswered = Targets.lowLoad(lowLoad(399, 1.0, 2.0), baseline);

        assertThat(met.budget()).isEqualTo("callback latency added at low load (p50) <= 2 ms");
        assertThat(met.ratio()).isCloseTo(1.7 / 2, within(1e-9));
        assertThat(met.word()).isEqualTo("MET");
        assertThat(met.measured()).isEqualTo("+1.70 ms (p99 +31.0 ms)");
        assertThat(met.target()).isEqualTo("<= 1.00x of 2 ms");
        assertThat(missed.word()).isEqualTo("MISSED");
        assertThat(missed.ratio()).isCloseTo(2.3 / 2, within(1e-9));
        assertThat(Targets.lowLoad(lowLoad(400, 1.0, 5.0), baseline).measured())
                .isEqualTo("-0.20 ms (p99 -4.00 ms)");
        assertThat(unanswered.word()).isEqualTo("MISSED");
        assertThat(unanswered.measured()).isEqualTo("399 of 400 acknowledged");
    }

    @Test
    void lowLoadNeedsThePhaseOfBothSystems() {
        SystemRun.Result wayfarer = new SystemRun.Result("wayfarer", lowLoad(400, 2, 3),
                List.of(phase(500, 30, 500, 4), phase(1000, 45, 1000, 3)), phase(3000, 20, 1200, 2.5), 1000, 5);

        Map<String, Targets.Verdict> alone = byBudget(Targets.judge(DEFAULTS, wayfarer, null, null, null, null));
        Map<String, Targets.Verdict> both = byBudget(Targets.judge(DEFAULTS, wayfarer, wayfarer, null, null, null));
        Map<String, Targets.Verdict> skipped = byBudget(Targets.judge(DEFAULTS,
                system(phase(1, 1, 1, 1), phase(1, 1, 1, 1), phase(1, 1, 1, 1)), wayfarer, null, null, null));

        assertThat(alone.get(Targets.LOW_LOAD).word()).isEqualTo("NOT JUDGED");
        assertThat(both.get(Targets.LOW_LOAD).word()).isEqualTo("MET");
        assertThat(skipped.get(Targets.LOW_LOAD).word()).isEqualTo("NOT JUDGED");
    }

    private static Map<String, Targets.Verdict> byBudget(List<Targets.Verdict> verdicts) {
        return verdicts.stream().collect(Collectors.toMap(Targets.Verdict::budget, Function.identity()));
    }

    /** Latency phases at 500/s and 1000/s (the default rates), then the intake phase. */
    private static SystemRun.Result system(PhaseResult at500, PhaseResult at1000, PhaseResult intake) {
        return new SystemRun.Result("system", null, List.of(at500, at1000), intake, 1000, 5);
    }

    /** A low-load phase of 400 callbacks, {@code acked} of them answered, with that callback p50 and p99. */
    private static PhaseResult lowLoad(int acked, double ackP50Ms, double ackP99Ms) {
        return new PhaseResult(400, acked, null, 20, new double[] {ackP50Ms, ackP50Ms, ackP99Ms, ackP99Ms}, acked, 0,
                new double[] {5, 6, 7, 8}, 20, 20, 0, 3, 1, 0,
                new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    }

    private static PhaseResult phase(double ackRate, double followP99Ms, double endToEnd, double cpuMs) {
        return new PhaseResult(100, 100, null, ackRate, new double[] {1, 2, 3, 4}, 100, 0,
                new double[] {1, followP99Ms / 2, followP99Ms, followP99Ms}, 1, endToEnd, 0, cpuMs, 1, 0,
                new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    }
}

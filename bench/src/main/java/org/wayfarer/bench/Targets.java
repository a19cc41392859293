package org.wayfarer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wayfarer.bench.probe.ResultFile;

/**
 * The budgets of docs/architecture/overview.md section 6, each judged from this run's numbers: the measured value(s), their ratio (to the
 * plain handler, to Flowable, or to the absolute budget) and MET or MISSED. A budget whose part did not run, or ran
 * smaller than the budget speaks of (e.g. a burst under 100k, a steady timer rate under 2,000/s), is NOT JUDGED.
 */
final class Targets {

    static final double MIN_INTAKE_RATIO = 1.0;
    static final double MAX_P99_RATIO = 2.0;
    static final double P99_RATE = 500;
    static final double ABSOLUTE_P99_RATE = 1000;
    static final double ABSOLUTE_P99_MS = 50;
    static final double MIN_SUSTAINED = 1000;
    static final double MAX_CPU_RATIO = 2.0;
    static final double MIN_ENGINE_RATIO = 10;
    static final int BURST = 100_000;
    static final double BURST_SECONDS = 20;
    static final double LATENESS_RATE = 2000;
    static final double LATENESS_P99_MS = 1000;
    static final double INTAKE_ABSOLUTE = 5000;
    static final double INTAKE_P99_MS = 50;
    static final double LOW_LOAD_ADDED_P50_MS = 2;
    static final String LOW_LOAD = "callback latency added at low load (p50) <= 2 ms";

    private static final String ROW = "%-54s %-30s %9s  %-10s %s%n";

    /** One budget: {@code ratio} is NaN when not judged, and {@code ok} then means nothing. */
    record Verdict(String budget, String measured, double ratio, String target, boolean ok) {

        String word() {
            return Double.isNaN(ratio) ? "NOT JUDGED" : ok ? "MET" : "MISSED";
        }
    }

    private Targets() {
    }

    /**
     * @param engine the engine-only entries, or {@code null}
     * @param timers the engine-only timer runs, or {@code null} (the same file when both ran)
     */
    static List<Verdict> judge(BenchOptions options, SystemRun.Result w, SystemRun.Result b, ResultFile engine,
                               ResultFile flowable, ResultFile timers) {
        List<Verdict> out = new ArrayList<>();
        if (w != null && b != null) {
            double wi = w.intake().ackRate();
            double bi = b.intake().ackRate();
            out.add(atLeast("callback intake >= 1.0x the plain handler's",
                    Stats.rate(wi) + " vs " + Stats.rate(bi), wi / bi, MIN_INTAKE_RATIO, "x"));
        }
        PhaseResult w500 = w == null ? null : w.at(options.rates(), P99_RATE);
        PhaseResult b500 = b == null ? null : b.at(options.rates(), P99_RATE);
        if (w500 != null && b500 != null) {
            out.add(atMost("follow -> send p99 at 500/s <= 2x the plain handler's",
                    Stats.ms(w500.followP99()) + " vs " + Stats.ms(b500.followP99()),
                    w500.followP99() / b500.followP99(), MAX_P99_RATIO, "x"));
        } else {
            out.add(notJudged("follow -> send p99 at 500/s <= 2x the plain handler's", "needs 500/s and both"));
        }
        PhaseResult w1000 = w == null ? null : w.at(options.rates(), ABSOLUTE_P99_RATE);
        if (w1000 != null) {
            out.add(atMost("follow -> send p99 at 1000/s <= 50 ms", Stats.ms(w1000.followP99()),
                    w1000.followP99() / ABSOLUTE_P99_MS, 1.0, "x of 50 ms"));
        } else {
            out.add(notJudged("follow -> send p99 at 1000/s <= 50 ms", "needs 1000 in --rates"));
        }
        if (w != null) {
            double sustained = w.intake().endToEndRate();
            out.add(atLeast("sustained end to end >= 1,000 follows/s", Stats.rate(sustained),
                    sustained / MIN_SUSTAINED, 1.0, "x of 1000/s"));
        }
        if (w != null && b != null) {
            PhaseResult wp = w500 != null ? w500 : w.latency().get(0);
            PhaseResult bp = b500 != null ? b500 : b.latency().get(0);
            out.add(atMost("server CPU per follow <= 2x the plain handler's",
                    Stats.ms(wp.serverCpuMs()) + " vs " + Stats.ms(bp.serverCpuMs()),
                    wp.serverCpuMs() / bp.serverCpuMs(), MAX_CPU_RATIO, "x"));
        }
        if (engine != null && flowable != null) {
            double we = engine.number("entries.per-second");
            double fs = flowable.number("starts.per-second");
            out.add(atLeast("engine-only entries >= 10x Flowable's starts", Stats.rate(we) + " vs " + Stats.rate(fs),
                    we / fs, MIN_ENGINE_RATIO, "x"));
        }
        if (timers != null) {
            out.add(burst(timers));
            out.add(lateness(timers));
        }
        if (w != null) {
            PhaseResult in = w.intake();
            boolean ok = in.ackRate() >= INTAKE_ABSOLUTE && in.ackMillis()[2] <= INTAKE_P99_MS;
            out.add(new Verdict("callback intake >= 5,000/s with p99 <= 50 ms",
                    Stats.rate(in.ackRate()) + ", p99 " + Stats.ms(in.ackMillis()[2]), in.ackRate() / INTAKE_ABSOLUTE,
                    ">= 1.00x of 5000/s", ok));
        }
        out.add(lowLoad(w == null ? null : w.lowLoad(), b == null ? null : b.lowLoad()));
        return out;
    }

    static void print(List<Verdict> verdicts) {
        System.out.printf("%n== Targets (docs/architecture/overview.md section 6) ==%n");
        System.out.printf(ROW, "budget", "measured (Wayfarer vs other)", "ratio", "verdict", "target");
        for (Verdict v : verdicts) {
            System.out.printf(ROW, v.budget(), v.measured(), Stats.ratio(v.ratio()), v.word(), v.target());
        }
        long met = verdicts.stream().filter(v -> "MET".equals(v.word())).count();
        long missed = verdicts.stream().filter(v -> "MISSED".equals(v.word())).count();
        System.out.printf("  %d met, %d missed, %d not judged%n", met, missed, verdicts.size() - met - missed);
    }

    private static Verdict burst(ResultFile engine) {
        String budget = "100k timers due at once all resumed within 20 s";
        double count = engine.number("burst.count");
        if (Double.isNaN(count) || count < BURST) {
            return notJudged(budget, Double.isNaN(count) ? "no burst run"
                    : String.format(Locale.ROOT, "burst of %.0f < 100k", count));
        }
        double resumed = engine.number("burst.resumed");
        double seconds = engine.number("burst.all-seconds");
        if (resumed < count) {
            return new Verdict(budget, String.format(Locale.ROOT, "%.0f of %.0f within the wait", resumed, count),
                    Double.POSITIVE_INFINITY, "<= 1.00x of 20 s", false);
        }
        return atMost(budget, Stats.seconds(seconds), seconds / BURST_SECONDS, 1.0, "x of 20 s");
    }

    /**
     * Wayfarer's callback latency minus the plain handler's at the low open-loop rate, at p50: the group commit's
     * wait and commit, with neither server queueing. Its p99 is shown beside it, not judged: on a shared 2-core
     * machine a few scheduling stalls decide it. Wayfarer leaving a callback unanswered misses the budget.
     */
    static Verdict lowLoad(PhaseResult w, PhaseResult b) {
        if (w == null || b == null) {
            return notJudged(LOW_LOAD, "needs the low-load phase of both");
        }
        String target = String.format(Locale.ROOT, "<= 1.00x of %.0f ms", LOW_LOAD_ADDED_P50_MS);
        if (w.acked() < w.sent()) {
            return new Verdict(LOW_LOAD, w.acked() + " of " + w.sent() + " acknowledged", Double.POSITIVE_INFINITY,
                    target, false);
        }
        double added = w.ackP50() - b.ackP50();
        return atMost(LOW_LOAD, Stats.signedMs(added) + " (p99 " + Stats.signedMs(w.ackP99() - b.ackP99()) + ")",
                added / LOW_LOAD_ADDED_P50_MS, 1.0, String.format(Locale.ROOT, "x of %.0f ms", LOW_LOAD_ADDED_P50_MS));
    }

    private static Verdict lateness(ResultFile engine) {
        String budget = "timer lateness p99 <= 1 s at 2,000 due/s";
        double rate = engine.number("steady.rate");
        if (Double.isNaN(rate) || rate < LATENESS_RATE) {
            return notJudged(budget, Double.isNaN(rate) ? "no steady timer run"
                    : String.format(Locale.ROOT, "ran at %.0f due/s < 2000", rate));
        }
        double p99 = engine.number("steady.late-p99");
        return atMost(budget, Stats.ms(p99), p99 / LATENESS_P99_MS, 1.0, "x of 1 s");
    }

    private static Verdict atLeast(String budget, String measured, double ratio, double min, String unit) {
        return new Verdict(budget, measured, ratio, String.format(Locale.ROOT, ">= %.2f%s", min, unit),
                ratio >= min);
    }

    private static Verdict atMost(String budget, String measured, double ratio, double max, String unit) {
        return new Verdict(budget, measured, ratio, String.format(Locale.ROOT, "<= %.2f%s", max, unit),
                ratio <= max);
    }

    private static Verdict notJudged(String budget, String why) {
        return new Verdict(budget, why, Double.NaN, "", false);
    }
}

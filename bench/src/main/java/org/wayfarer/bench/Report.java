package org.wayfarer.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints the results: Wayfarer and the baseline side by side with the ratios DESIGN section 6 budgets, then the
 * crash run. Either system may be missing (its column shows {@code -}).
 */
final class Report {

    /** DESIGN section 6: durable and exactly-once, p99 at most twice the floor's, intake at least the floor's. */
    static final double MAX_P99_RATIO = 2.0;
    static final double MIN_INTAKE_RATIO = 1.0;
    static final double INTAKE_BUDGET = 5000;
    static final double INTAKE_P99_BUDGET_MS = 50;
    static final double FOLLOW_P99_BUDGET_MS = 50;

    private static final String ROW = "%-40s %18s %18s %10s  %s%n";

    private Report() {
    }

    static void printComparison(BenchOptions options, SystemRun.Result wayfarer, SystemRun.Result baseline) {
        System.out.printf("%n== 1. Follow -> template send, %d follows open loop at %.0f/s ==%n", options.follows(),
                options.rate());
        header();
        Function<SystemRun.Result, PhaseResult> lat = r -> r.latency();
        row("callbacks acknowledged", wayfarer, baseline, lat, p -> p.acked() + "/" + p.sent());
        row("acknowledged/s", wayfarer, baseline, lat, p -> Stats.rate(p.ackRate()));
        row("callback latency p50 | p99", wayfarer, baseline, lat,
                p -> Stats.ms(p.ackMillis()[0]) + " | " + Stats.ms(p.ackMillis()[2]));
        row("followers reached / acknowledged", wayfarer, baseline, lat, p -> p.received() + "/" + p.acked());
        row("followers with more than one send", wayfarer, baseline, lat, p -> Integer.toString(p.duplicated()));
        row("follow -> send p50", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[0]));
        row("follow -> send p90", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[1]));
        double p99Ratio = both(wayfarer, baseline)
                ? wayfarer.latency().followP99() / baseline.latency().followP99() : Double.NaN;
        System.out.printf(ROW, "follow -> send p99", cell(wayfarer, lat, p -> Stats.ms(p.followP99())),
                cell(baseline, lat, p -> Stats.ms(p.followP99())), Stats.ratio(p99Ratio),
                verdict(p99Ratio <= MAX_P99_RATIO, p99Ratio, "target <= " + MAX_P99_RATIO + "x"));
        row("follow -> send max", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[3]));
        row("template sends/s, end to end", wayfarer, baseline, lat, p -> Stats.rate(p.endToEndRate()));
        row("send delay p99 (bench-side queue)", wayfarer, baseline, lat, p -> Stats.ms(p.driverLagP99Ms()));
        cpuRows(wayfarer, baseline, lat);

        System.out.printf("%n== 2. Max intake, %d follows closed loop with %d clients ==%n", options.follows(),
                options.clients());
        header();
        Function<SystemRun.Result, PhaseResult> in = r -> r.intake();
        double intakeRatio = both(wayfarer, baseline)
                ? wayfarer.intake().ackRate() / baseline.intake().ackRate() : Double.NaN;
        System.out.printf(ROW, "callbacks acknowledged/s", cell(wayfarer, in, p -> Stats.rate(p.ackRate())),
                cell(baseline, in, p -> Stats.rate(p.ackRate())), Stats.ratio(intakeRatio),
                verdict(intakeRatio >= MIN_INTAKE_RATIO, intakeRatio, "target >= " + MIN_INTAKE_RATIO + "x"));
        row("callbacks acknowledged", wayfarer, baseline, in, p -> p.acked() + "/" + p.sent());
        row("callback latency p50 | p99", wayfarer, baseline, in,
                p -> Stats.ms(p.ackMillis()[0]) + " | " + Stats.ms(p.ackMillis()[2]));
        row("followers reached / acknowledged", wayfarer, baseline, in, p -> p.received() + "/" + p.acked());
        row("followers with more than one send", wayfarer, baseline, in, p -> Integer.toString(p.duplicated()));
        row("all sends arrived after", wayfarer, baseline, in, p -> Stats.seconds(p.lastArrivalSec()));
        row("template sends/s, end to end", wayfarer, baseline, in, p -> Stats.rate(p.endToEndRate()));
        row("follow -> send p99 (queueing)", wayfarer, baseline, in, p -> Stats.ms(p.followP99()));
        cpuRows(wayfarer, baseline, in);
        System.out.printf(ROW, "GET echo (URL verification)/s", wayfarer == null ? "-" : Stats.rate(wayfarer.echoRate()),
                baseline == null ? "-" : Stats.rate(baseline.echoRate()), "", "HTTP floor, nothing stored");

        if (wayfarer != null) {
            System.out.printf("%n== DESIGN absolute budgets (Wayfarer) ==%n");
            PhaseResult intake = wayfarer.intake();
            boolean intakeOk = intake.ackRate() >= INTAKE_BUDGET && intake.ackMillis()[2] <= INTAKE_P99_BUDGET_MS;
            System.out.printf("%-52s %s, p99 %s  %s%n", "callback intake >= 5000/s with p99 <= 50 ms:",
                    Stats.rate(intake.ackRate()), Stats.ms(intake.ackMillis()[2]), intakeOk ? "MET" : "MISSED");
            double p99 = wayfarer.latency().followP99();
            if (options.rate() >= 1000) {
                System.out.printf("%-52s p99 %s at %.0f/s  %s%n", "follow -> API call p99 <= 50 ms at 1000/s:",
                        Stats.ms(p99), options.rate(), p99 <= FOLLOW_P99_BUDGET_MS ? "MET" : "MISSED");
            } else {
                System.out.printf("%-52s p99 %s at %.0f/s (judged only with --rate 1000)%n",
                        "follow -> API call p99 <= 50 ms at 1000/s:", Stats.ms(p99), options.rate());
            }
        }
    }

    static void printCrash(CrashRun.Result r) {
        System.out.printf("%n== 3. Crash run: kill -9 while callbacks are in flight, restart, WeChat-style retries ==%n");
        line("follow callbacks scheduled", r.callbacks());
        line("  started before the kill", r.startedBeforeKill());
        line("  acknowledged before the kill", r.ackedBeforeKill());
        line("  in flight at the kill (no answer)", r.inFlightAtKill());
        line("  after the kill (refused)", r.refusedAfterKill());
        line("unacknowledged, retried after restart", r.retried());
        line("  of which acknowledged", r.retriedAcked());
        line("followers acknowledged in the end", r.ackedFollowers());
        line("followers with exactly one template send", r.exactlyOnce());
        line("LOST: acknowledged, no template send", r.lost());
        for (Map.Entry<String, Integer> e : r.lostByServerStatus().entrySet()) {
            System.out.printf("    %-46s %8d%n", "server's outbox status " + e.getKey(), e.getValue());
        }
        for (String timeline : r.lostTimelineSample()) {
            System.out.printf("    timeline via admin API: %s%n", timeline);
        }
        line("DUPLICATED: more than one template send", r.duplicated());
        line("sends to never-acknowledged followers", r.sendsWithoutAck());
        System.out.printf("  %-46s %8s%n", "hot retries (resent on ack, before the kill)",
                r.hotRetriesAcked() + "/" + r.hotRetries() + " acked");
        System.out.printf("  %-46s %8s%n", "cold retries (resent after the restart)",
                r.coldRetriesAcked() + "/" + r.coldRetries() + " acked");
        line("contact events stored for these followers", r.storedEvents());
        line("UNKNOWN sends that did reach WeChat", r.unknownDelivered());
        System.out.printf("  server database after a clean stop: outbox %s; events %s%n", r.outbox(), r.events());
        long unknown = r.outbox().getOrDefault("UNKNOWN", 0L);
        long silent = r.lostByServerStatus().entrySet().stream()
                .filter(e -> !e.getKey().contains("UNKNOWN") && !e.getKey().contains("REJECTED"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("  verdict: %s; %d silently lost, %d duplicated, %d sends reported UNKNOWN (not resent)%n",
                silent == 0 && r.duplicated() == 0 ? "NO SILENT LOSS, NO DUPLICATE" : "GUARANTEE BROKEN", silent,
                r.duplicated(), unknown);
        System.out.printf("  server log: %s%n", r.log());
    }

    private static void cpuRows(SystemRun.Result w, SystemRun.Result b, Function<SystemRun.Result, PhaseResult> phase) {
        double ratio = both(w, b) ? phase.apply(w).serverCpuMs() / phase.apply(b).serverCpuMs() : Double.NaN;
        System.out.printf(ROW, "server CPU per follow", cell(w, phase, p -> Stats.ms(p.serverCpuMs())),
                cell(b, phase, p -> Stats.ms(p.serverCpuMs())), Stats.ratio(ratio), "");
        row("bench JVM CPU per follow", w, b, phase, p -> Stats.ms(p.benchCpuMs()));
        row("other processes' CPU (cores)", w, b, phase, p -> String.format(Locale.ROOT, "%.2f", p.otherCores()));
    }

    private static void header() {
        System.out.printf(ROW, "", "Wayfarer", "Baseline", "ratio", "");
    }

    private static void row(String label, SystemRun.Result w, SystemRun.Result b,
                            Function<SystemRun.Result, PhaseResult> phase, Function<PhaseResult, String> value) {
        System.out.printf(ROW, label, cell(w, phase, value), cell(b, phase, value), "", "");
    }

    private static String cell(SystemRun.Result r, Function<SystemRun.Result, PhaseResult> phase,
                               Function<PhaseResult, String> value) {
        return r == null ? "-" : value.apply(phase.apply(r));
    }

    private static boolean both(SystemRun.Result w, SystemRun.Result b) {
        return w != null && b != null;
    }

    private static String verdict(boolean ok, double ratio, String target) {
        if (Double.isNaN(ratio)) {
            return target;
        }
        return target + (ok ? "  MET" : "  MISSED");
    }

    private static void line(String label, long value) {
        System.out.printf(Locale.ROOT, "  %-46s %8d%n", label, value);
    }
}

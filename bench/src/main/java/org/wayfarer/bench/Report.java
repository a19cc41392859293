package org.wayfarer.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.wayfarer.bench.probe.ResultFile;

/**
 * Prints the results: Wayfarer and the plain WxJava handler side by side (latency per rate, then intake and
 * sustained throughput), the engine alone against Flowable, the timer runs and the crash run. A system that did not
 * run shows {@code -}. {@link Targets} prints the verdicts against the budgets after all of them.
 */
final class Report {

    private static final String ROW = "%-40s %18s %18s %10s%n";

    private Report() {
    }

    static void printComparison(BenchOptions options, SystemRun.Result wayfarer, SystemRun.Result baseline) {
        if (options.lowFollows() > 0) {
            printLowLoad(options, wayfarer, baseline);
        }
        for (int r = 0; r < options.rates().size(); r++) {
            int phase = r;
            System.out.printf("%n== 1.%d Follow -> template send, %d follows open loop at %.0f/s ==%n", r + 1,
                    options.follows(), options.rates().get(r));
            header();
            Function<SystemRun.Result, PhaseResult> lat = result -> result.latency().get(phase);
            row("callbacks acknowledged", wayfarer, baseline, lat, p -> p.acked() + "/" + p.sent());
            row("acknowledged/s", wayfarer, baseline, lat, p -> Stats.rate(p.ackRate()));
            row("callback latency p50 | p99", wayfarer, baseline, lat,
                    p -> Stats.ms(p.ackMillis()[0]) + " | " + Stats.ms(p.ackMillis()[2]));
            row("followers reached / acknowledged", wayfarer, baseline, lat, p -> p.received() + "/" + p.acked());
            row("followers with more than one send", wayfarer, baseline, lat, p -> Integer.toString(p.duplicated()));
            row("follow -> send p50", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[0]));
            row("follow -> send p90", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[1]));
            ratioRow("follow -> send p99", wayfarer, baseline, lat, p -> Stats.ms(p.followP99()),
                    PhaseResult::followP99);
            row("follow -> send max", wayfarer, baseline, lat, p -> Stats.ms(p.followMillis()[3]));
            row("template sends/s, end to end", wayfarer, baseline, lat, p -> Stats.rate(p.endToEndRate()));
            row("send delay p99 (bench-side queue)", wayfarer, baseline, lat, p -> Stats.ms(p.driverLagP99Ms()));
            serverRows(wayfarer, baseline, lat);
        }

        System.out.printf("%n== 2. Max intake and sustained end to end, %d follows closed loop with %d clients ==%n",
                options.follows(), options.clients());
        header();
        Function<SystemRun.Result, PhaseResult> in = SystemRun.Result::intake;
        ratioRow("callbacks acknowledged/s", wayfarer, baseline, in, p -> Stats.rate(p.ackRate()),
                PhaseResult::ackRate);
        row("callbacks acknowledged", wayfarer, baseline, in, p -> p.acked() + "/" + p.sent());
        row("callback latency p50 | p99", wayfarer, baseline, in,
                p -> Stats.ms(p.ackMillis()[0]) + " | " + Stats.ms(p.ackMillis()[2]));
        row("followers reached / acknowledged", wayfarer, baseline, in, p -> p.received() + "/" + p.acked());
        row("followers with more than one send", wayfarer, baseline, in, p -> Integer.toString(p.duplicated()));
        row("all sends arrived after", wayfarer, baseline, in, p -> Stats.seconds(p.lastArrivalSec()));
        ratioRow("sustained follows/s, end to end", wayfarer, baseline, in, p -> Stats.rate(p.endToEndRate()),
                PhaseResult::endToEndRate);
        row("follow -> send p99 (queueing)", wayfarer, baseline, in, p -> Stats.ms(p.followP99()));
        serverRows(wayfarer, baseline, in);
        System.out.printf(ROW, "GET echo (URL verification)/s",
                wayfarer == null ? "-" : Stats.rate(wayfarer.echoRate()),
                baseline == null ? "-" : Stats.rate(baseline.echoRate()), "");
        System.out.println("  sustained = followers whose template send arrived / (first callback .. last send); "
                + "statements, commits and H2 bytes are the server's, background polling included");
    }

    /** Callback latency at the low rate, each system's and Wayfarer's minus the baseline's (column W-B). */
    private static void printLowLoad(BenchOptions options, SystemRun.Result wayfarer, SystemRun.Result baseline) {
        System.out.printf("%n== 1.0 Callback latency at low load, %d follows open loop at %.0f/s ==%n",
                options.lowFollows(), options.lowRate());
        System.out.printf(ROW, "", "Wayfarer", "Baseline", "W-B");
        Function<SystemRun.Result, PhaseResult> low = SystemRun.Result::lowLoad;
        row("callbacks acknowledged", wayfarer, baseline, low, p -> p.acked() + "/" + p.sent());
        differenceRow("callback latency p50", wayfarer, baseline, PhaseResult::ackP50);
        row("callback latency p90", wayfarer, baseline, low, p -> Stats.ms(p.ackMillis()[1]));
        differenceRow("callback latency p99", wayfarer, baseline, PhaseResult::ackP99);
        row("followers reached / acknowledged", wayfarer, baseline, low, p -> p.received() + "/" + p.acked());
        row("server CPU per follow", wayfarer, baseline, low, p -> Stats.ms(p.serverCpuMs()));
        row("other processes' CPU (cores)", wayfarer, baseline, low,
                p -> String.format(Locale.ROOT, "%.2f", p.otherCores()));
        System.out.println("  callback latency = request sent (its due time) to `success` received; the target "
                + "judges W-B at p50, p99 is mostly scheduling noise on a shared machine");
    }

    private static void differenceRow(String label, SystemRun.Result w, SystemRun.Result b,
                                      Function<PhaseResult, Double> millis) {
        Function<SystemRun.Result, PhaseResult> low = SystemRun.Result::lowLoad;
        double difference = w != null && b != null
                ? millis.apply(w.lowLoad()) - millis.apply(b.lowLoad()) : Double.NaN;
        System.out.printf(ROW, label, cell(w, low, p -> Stats.ms(millis.apply(p))),
                cell(b, low, p -> Stats.ms(millis.apply(p))), Stats.signedMs(difference));
    }

    /** The engine alone against Flowable: either may be {@code null}. */
    static void printEngines(BenchOptions options, ResultFile engine, ResultFile flowable) {
        System.out.printf("%n== 3. Engine alone: %d journey entries in-process (no HTTP, no-op send), against "
                + "Flowable 7 process starts ==%n", options.engineEntries());
        System.out.printf(ROW, "", "Wayfarer engine", "Flowable 7", "ratio");
        engineRow("entries (starts) per second", engine, "entries.per-second", flowable, "starts.per-second",
                Stats::rate, true);
        System.out.printf(ROW, "completed: welcome sent | at the timer",
                engine == null ? "-" : String.format(Locale.ROOT, "%.0f/%.0f", engine.number("entries.sent"),
                        engine.number("entries.count")),
                flowable == null ? "-" : String.format(Locale.ROOT, "%.0f/%.0f", flowable.number("timers.waiting"),
                        flowable.number("starts.count") + options.engineWarmup()), "");
        engineRow("CPU per entry", engine, "entries.cpu-ms", flowable, "starts.cpu-ms", Stats::ms, true);
        engineRow("statements per entry", engine, "entries.statements", flowable, "starts.statements",
                Report::number, true);
        engineRow("  of which writes", engine, "entries.writes", flowable, "starts.writes", Report::number, false);
        engineRow("commits per entry", engine, "entries.commits", flowable, "starts.commits", Report::number, true);
        engineRow("H2 bytes per entry", engine, "entries.db-bytes", flowable, "starts.db-bytes", Report::bytes, true);
        engineRow("EventIntake.accept only, per second", engine, "entries.intake-rate", null, null, Stats::rate,
                false);
        System.out.printf("  both with %d threads handing in, %d warm-up first; an entry is stored event, contact, "
                + "instance, queued and dispatched send, 24 h wait; a start runs the no-op service task to the 24 h "
                + "timer%n", options.engineThreads(), options.engineWarmup());
        if (engine != null) {
            System.out.printf("  engine H2 URL: %s%n", engine.text("datasource-url"));
        }
        if (flowable != null) {
            System.out.printf("  Flowable H2 URL: %s%n", flowable.text("datasource-url"));
        }
    }

    static void printTimers(ResultFile engine) {
        System.out.printf("%n== 4. Timers (engine alone, due instances copied from waiting ones) ==%n");
        if (!Double.isNaN(engine.number("steady.count"))) {
            System.out.printf("  steady: %.0f due per second, %.0f instances: %.0f resumed; lateness p50 %s, "
                            + "p99 %s, max %s%n", engine.number("steady.rate"), engine.number("steady.count"),
                    engine.number("steady.resumed"), Stats.ms(engine.number("steady.late-p50")),
                    Stats.ms(engine.number("steady.late-p99")), Stats.ms(engine.number("steady.late-max")));
            System.out.printf("    due times committed %.0f ms before the first was due%n",
                    -engine.number("steady.commit-late"));
            costs(engine, "steady");
        }
        if (!Double.isNaN(engine.number("burst.count"))) {
            double all = engine.number("burst.all-seconds");
            System.out.printf("  burst: %.0f instances due by one commit: %.0f resumed, %s; lateness p50 %s, p99 %s%n",
                    engine.number("burst.count"), engine.number("burst.resumed"),
                    Double.isNaN(all) ? "not all within the wait" : "all after " + Stats.seconds(all),
                    Stats.ms(engine.number("burst.late-p50")), Stats.ms(engine.number("burst.late-p99")));
            costs(engine, "burst");
        }
        System.out.println("  lateness: resumed (ended_at) minus due; never = not resumed within the wait");
    }

    private static void costs(ResultFile engine, String run) {
        System.out.printf("    per resumed instance: %s CPU, %s statements, %s commits; copies inserted at %.0f/s "
                        + "beforehand (not timed)%n", Stats.ms(engine.number(run + ".cpu-ms")),
                number(engine.number(run + ".statements")), number(engine.number(run + ".commits")),
                engine.number(run + ".insert-per-second"));
    }

    static void printCrash(CrashRun.Result r) {
        System.out.printf("%n== 5. Crash run: kill -9 while callbacks are in flight, restart, WeChat-style retries "
                + "==%n");
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

    private static void serverRows(SystemRun.Result w, SystemRun.Result b,
                                   Function<SystemRun.Result, PhaseResult> phase) {
        ratioRow("server CPU per follow", w, b, phase, p -> Stats.ms(p.serverCpuMs()), PhaseResult::serverCpuMs);
        row("bench JVM CPU per follow", w, b, phase, p -> Stats.ms(p.benchCpuMs()));
        row("statements per follow (of which writes)", w, b, phase,
                p -> Double.isNaN(p.statementsPerFollow()) ? "-"
                        : number(p.statementsPerFollow()) + " (" + number(p.writesPerFollow()) + ")");
        row("commits per follow", w, b, phase, p -> number(p.commitsPerFollow()));
        row("H2 bytes per follow", w, b, phase, p -> bytes(p.dbBytesPerFollow()));
        row("other processes' CPU (cores)", w, b, phase, p -> String.format(Locale.ROOT, "%.2f", p.otherCores()));
    }

    private static void header() {
        System.out.printf(ROW, "", "Wayfarer", "Baseline", "W/B");
    }

    private static void row(String label, SystemRun.Result w, SystemRun.Result b,
                            Function<SystemRun.Result, PhaseResult> phase, Function<PhaseResult, String> value) {
        System.out.printf(ROW, label, cell(w, phase, value), cell(b, phase, value), "");
    }

    private static void ratioRow(String label, SystemRun.Result w, SystemRun.Result b,
                                 Function<SystemRun.Result, PhaseResult> phase, Function<PhaseResult, String> value,
                                 Function<PhaseResult, Double> number) {
        double ratio = w != null && b != null
                ? number.apply(phase.apply(w)) / number.apply(phase.apply(b)) : Double.NaN;
        System.out.printf(ROW, label, cell(w, phase, value), cell(b, phase, value), Stats.ratio(ratio));
    }

    private static void engineRow(String label, ResultFile w, String wKey, ResultFile f, String fKey,
                                  Function<Double, String> format, boolean ratio) {
        double wv = w == null ? Double.NaN : w.number(wKey);
        double fv = f == null || fKey == null ? Double.NaN : f.number(fKey);
        System.out.printf(ROW, label, w == null ? "-" : format.apply(wv), fKey == null ? "" : f == null ? "-"
                : format.apply(fv), ratio ? Stats.ratio(wv / fv) : "");
    }

    private static String cell(SystemRun.Result r, Function<SystemRun.Result, PhaseResult> phase,
                               Function<PhaseResult, String> value) {
        return r == null ? "-" : value.apply(phase.apply(r));
    }

    static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 100 ? "%.2f" : "%.0f", value);
    }

    static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 10_000 ? String.format(Locale.ROOT, "%.1f KB", value / 1000)
                : String.format(Locale.ROOT, "%.0f B", value);
    }

    private static void line(String label, long value) {
        System.out.printf(Locale.ROOT, "  %-46s %8d%n", label, value);
    }
}

package org.wayfarer.bench;

/**
 * The numbers of one measured phase against one system.
 *
 * @param sent             callbacks sent
 * @param acked            callbacks answered {@code success}
 * @param firstFailure     what the first failed callback got; {@code null} if none failed
 * @param ackRate          acknowledged callbacks per second (first send start to last acknowledgement)
 * @param ackMillis        callback latency (send start to {@code success}) p50, p90, p99, max in ms
 * @param received         followers whose template send reached the fake WeChat
 * @param duplicated       followers who got more than one send
 * @param followMillis     follow (callback send start) to template send arrival, p50, p90, p99, max in ms
 * @param lastArrivalSec   first send start to the last template send's arrival, seconds
 * @param endToEndRate     template sends arrived per second over that span
 * @param driverLagP99Ms   open loop only: scheduled start to the request leaving the client pool, p99 (0 for
 *                         closed loop); large when every pooled connection waits on a slow server
 * @param serverCpuMs      CPU time the server process used per follow, from the phase's start until its sends
 *                         arrived (NaN if unknown): less sensitive to a noisy machine than the timings
 * @param benchCpuMs       the same for the bench JVM (load generator and fake WeChat)
 * @param otherCores       CPU used by everything else on the machine during the phase, in cores (NaN if unknown):
 *                         other processes competing with the run make its timings noisy
 * @param perFollow        server side, per follow of the phase: statements, of which writes, commits of writing
 *                         transactions, H2 file growth in bytes (each NaN when the system does not count it)
 */
record PhaseResult(int sent, int acked, String firstFailure, double ackRate, double[] ackMillis, int received,
                   int duplicated, double[] followMillis, double lastArrivalSec, double endToEndRate,
                   double driverLagP99Ms, double serverCpuMs, double benchCpuMs, double otherCores,
                   double[] perFollow) {

    private static final double[] NOT_COUNTED = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    static PhaseResult of(CallbackLoad.Outcome outcome, Deliveries deliveries) {
        return of(outcome, deliveries, Double.NaN, Double.NaN, Double.NaN, NOT_COUNTED);
    }

    static PhaseResult of(CallbackLoad.Outcome outcome, Deliveries deliveries, double serverCpuMs, double benchCpuMs,
                          double otherCores, double[] perFollow) {
        int received = deliveries.followersReached();
        long firstStart = outcome.firstStart();
        double span = received == 0 ? Double.NaN : (deliveries.lastArrival() - firstStart) / 1e9;
        return new PhaseResult(outcome.size(), outcome.ackedCount(), outcome.firstFailure(), outcome.ackRate(),
                Stats.summaryMillis(outcome.ackLatencies()), received, deliveries.duplicated(),
                Stats.summaryMillis(deliveries.latencies(outcome)), span, received / span,
                outcome.p99LagNanos() / 1e6, serverCpuMs, benchCpuMs, otherCores, perFollow);
    }

    double ackP50() {
        return ackMillis[0];
    }

    double ackP99() {
        return ackMillis[2];
    }

    double followP99() {
        return followMillis[2];
    }

    double statementsPerFollow() {
        return perFollow[0];
    }

    double writesPerFollow() {
        return perFollow[1];
    }

    double commitsPerFollow() {
        return perFollow[2];
    }

    double dbBytesPerFollow() {
        return perFollow[3];
    }
}

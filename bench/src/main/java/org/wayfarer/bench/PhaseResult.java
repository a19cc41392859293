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
 * @param driverLagP99Ms   open loop only: how late the driver started requests, p99 (0 for closed loop)
 */
record PhaseResult(int sent, int acked, String firstFailure, double ackRate, double[] ackMillis, int received,
                   int duplicated, double[] followMillis, double lastArrivalSec, double endToEndRate,
                   double driverLagP99Ms) {

    static PhaseResult of(CallbackLoad.Outcome outcome, Deliveries deliveries) {
        int received = deliveries.followersReached();
        long firstStart = outcome.firstStart();
        double span = received == 0 ? Double.NaN : (deliveries.lastArrival() - firstStart) / 1e9;
        return new PhaseResult(outcome.size(), outcome.ackedCount(), outcome.firstFailure(), outcome.ackRate(),
                Stats.summaryMillis(outcome.ackLatencies()), received, deliveries.duplicated(),
                Stats.summaryMillis(deliveries.latencies(outcome)), span, received / span,
                outcome.p99LagNanos() / 1e6);
    }

    double followP99() {
        return followMillis[2];
    }
}

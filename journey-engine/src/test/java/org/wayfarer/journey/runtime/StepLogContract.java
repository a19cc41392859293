package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;

/** What every {@link StepLog} adapter must do. Subclasses supply the log under test. */
public abstract class StepLogContract {

    private final long tenant = nextId();
    private final long contact = nextId();
    private final long instance = nextId();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract StepLog log();

    @Test
    void appendedStepsAreListedForTheContactNewestFirst() {
        StepRecord entered = step(0, "ENTERED", null, t0);
        StepRecord queued = step(1, "SENT_QUEUED", "wechat.template to o1", t0.plusMillis(1));
        StepRecord waiting = step(2, "WAITING", "until 2040-01-02T00:00:00Z", t0.plusMillis(1));

        log().append(List.of(entered, queued, waiting));

        assertThat(log().forContact(tenant, contact, 10)).containsExactly(waiting, queued, entered);
        assertThat(log().forContact(tenant, contact, 1)).containsExactly(waiting);
    }

    @Test
    void appendsLargeBatchesWhole() {
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            steps.add(step(i, "BRANCHED", null, t0.plusMillis(i)));
        }

        log().append(steps);

        List<StepRecord> listed = log().forContact(tenant, contact, 2_000);
        assertThat(listed).hasSize(1_234);
        assertThat(listed.get(0)).isEqualTo(steps.get(1_233));
    }

    @Test
    void cutsOverlongDetailInsteadOfFailingTheStep() {
        StepRecord step = step(0, "BRANCHED", "x".repeat(300), t0);

        log().append(List.of(step));

        assertThat(log().forContact(tenant, contact, 1)).singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("x".repeat(255)));
    }

    @Test
    void appendingNothingIsANoOp() {
        log().append(List.of());

        assertThat(log().forContact(tenant, contact, 10)).isEmpty();
    }

    @Test
    void hidesStepsOfOtherTenantsAndContacts() {
        log().append(List.of(step(0, "ENTERED", null, t0)));

        assertThat(log().forContact(nextId(), contact, 10)).isEmpty();
        assertThat(log().forContact(tenant, nextId(), 10)).isEmpty();
    }

    private StepRecord step(int seq, String outcome, String detail, Instant at) {
        return new StepRecord(nextId(), tenant, instance, nextId(), 1, contact, "node" + seq, seq, outcome, detail, at);
    }
}

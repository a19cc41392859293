package org.wayfarer.journey.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.runtime.EntryDecision;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.testing.InMemoryJourneyFunnel;
import org.wayfarer.journey.testing.InMemoryStepLog;

/**
 * What every adapter of the analytics read ports must do ({@link NodeOccupancy}, {@link JourneyFunnel},
 * {@link ContactInstances}) and of {@link EntryDecisions}. The funnel is checked against the in-memory reference on
 * generated step logs. Subclasses supply the ports under test.
 */
public abstract class JourneyAnalyticsContract {

    private final long tenant = nextId();
    private final long journey = nextId();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract InstanceStore instances();

    protected abstract StepLog steps();

    /** One object serving the three read ports, as the Spring wiring has it. */
    protected abstract NodeOccupancy occupancy();

    protected abstract JourneyFunnel funnel();

    protected abstract ContactInstances contactInstances();

    protected abstract EntryDecisions decisions();

    protected abstract Transactions transactions();

    @Test
    void countsLiveInstancesPerNodeAndVersion() {
        insert(instance(1, InstanceStatus.WAITING, "cart", t0), instance(1, InstanceStatus.WAITING, "cart", t0),
                instance(2, InstanceStatus.ACTIVE, "welcome", t0), instance(2, InstanceStatus.WAITING, "cart", t0),
                instance(1, InstanceStatus.COMPLETED, "done", t0), instance(2, InstanceStatus.EXITED, "cart", t0));

        assertThat(occupancy().liveByNode(tenant, journey, null)).isEqualTo(Map.of("cart", 3L, "welcome", 1L));
        assertThat(occupancy().liveByNode(tenant, journey, 1)).isEqualTo(Map.of("cart", 2L));
        assertThat(occupancy().liveByNode(tenant, journey, 3)).isEmpty();
        assertThat(occupancy().liveByNode(nextId(), journey, null)).as("another tenant's").isEmpty();
    }

    @Test
    void pagesThroughTheInstancesAtANodeByIdAscending() {
        JourneyInstance a = instance(1, InstanceStatus.WAITING, "cart", t0);
        JourneyInstance b = instance(2, InstanceStatus.ACTIVE, "cart", t0);
        JourneyInstance c = instance(1, InstanceStatus.WAITING, "cart", t0);
        insert(c, a, b, instance(1, InstanceStatus.WAITING, "welcome", t0),
                instance(1, InstanceStatus.COMPLETED, "cart", t0));

        List<NodeOccupancy.Occupant> first = occupancy().atNode(tenant, journey, "cart", 0, 2);
        assertThat(first).extracting(NodeOccupancy.Occupant::instanceId).containsExactly(a.id(), b.id());
        assertThat(first.get(0)).isEqualTo(new NodeOccupancy.Occupant(a.id(), a.contactId(), 1, "WAITING",
                a.enteredAt(), a.updatedAt(), a.wakeAt()));
        assertThat(occupancy().atNode(tenant, journey, "cart", b.id(), 2)).extracting(
                NodeOccupancy.Occupant::instanceId).containsExactly(c.id());
        assertThat(occupancy().atNode(nextId(), journey, "cart", 0, 2)).isEmpty();
    }

    @Test
    void listsAContactsInstancesLatestEnteredFirst() {
        long contact = nextId();
        JourneyInstance old = withContact(instance(1, InstanceStatus.COMPLETED, "done", t0), contact);
        JourneyInstance live = withContact(instance(2, InstanceStatus.WAITING, "cart", t0.plusSeconds(60)), contact);
        insert(old, live, instance(1, InstanceStatus.WAITING, "cart", t0.plusSeconds(120)));

        List<ContactInstances.InstanceSummary> found = contactInstances().forContact(tenant, contact, 10);
        assertThat(found).extracting(ContactInstances.InstanceSummary::instanceId)
                .containsExactly(live.id(), old.id());
        assertThat(found.get(0)).isEqualTo(new ContactInstances.InstanceSummary(live.id(), journey, 2, "WAITING",
                "cart", live.enteredAt(), live.updatedAt(), live.wakeAt(), null, null));
        assertThat(found.get(1).endReason()).isEqualTo("path-ended");
        assertThat(contactInstances().forContact(tenant, contact, 1)).hasSize(1);
        assertThat(contactInstances().forContact(nextId(), contact, 10)).isEmpty();
    }

    @Test
    void theFunnelAgreesWithTheReferenceOnGeneratedStepLogs() {
        InMemoryStepLog reference = new InMemoryStepLog();
        List<StepRecord> generated = generatedSteps(new Random(42), 60);
        transactions().run(() -> steps().append(generated));
        reference.append(generated);
        InMemoryJourneyFunnel expected = new InMemoryJourneyFunnel(reference);

        Instant middle = t0.plus(Duration.ofHours(30));
        for (List<String> nodes : List.of(List.of("a"), List.of("a", "b"), List.of("a", "b", "c", "d"),
                List.of("b", "a"), List.of("c", "e", "b"), List.of("a", "e"))) {
            for (Integer version : new Integer[] {null, 1, 2}) {
                assertThat(funnel().reached(tenant, journey, version, nodes, null, null))
                        .as(nodes + " v" + version)
                        .isEqualTo(expected.reached(tenant, journey, version, nodes, null, null));
                assertThat(funnel().reached(tenant, journey, version, nodes, middle, null))
                        .isEqualTo(expected.reached(tenant, journey, version, nodes, middle, null));
                assertThat(funnel().reached(tenant, journey, version, nodes, null, middle))
                        .isEqualTo(expected.reached(tenant, journey, version, nodes, null, middle));
            }
        }
        List<Long> abcd = funnel().reached(tenant, journey, null, List.of("a", "b", "c", "d"), null, null);
        assertThat(abcd.get(0)).as("the generator reaches 'a' often").isGreaterThan(10);
        assertThat(abcd).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(funnel().reached(nextId(), journey, null, List.of("a"), null, null)).containsExactly(0L);
    }

    @Test
    void keepsTheLatestEntryDecisionPerContactAndJourney() {
        long contact = nextId();
        long other = nextId();
        transactions().run(() -> decisions().record(List.of(
                decision(contact, journey, EntryDecision.Reason.TRIGGER_FILTER_FALSE, "x".repeat(300), t0),
                decision(contact, other, EntryDecision.Reason.MIN_INTERVAL, "entered at t", t0.plusSeconds(5)))));
        transactions().run(() -> decisions().record(List.of(
                decision(contact, journey, EntryDecision.Reason.ENTRY_POLICY, "ONCE", t0.plusSeconds(9)))));

        List<EntryDecision> found = decisions().forContact(tenant, contact);
        assertThat(found).extracting(EntryDecision::journeyId).containsExactly(journey, other);
        assertThat(found.get(0)).isEqualTo(decision(contact, journey, EntryDecision.Reason.ENTRY_POLICY, "ONCE",
                t0.plusSeconds(9)));
        assertThat(found.get(1).detail()).isEqualTo("entered at t");
        assertThat(decisions().forContact(nextId(), contact)).as("another tenant's").isEmpty();

        transactions().run(() -> decisions().record(List.of(
                decision(contact, other, EntryDecision.Reason.TRIGGER_FILTER_FALSE, "y".repeat(300), t0))));
        assertThat(decisions().forContact(tenant, contact).get(1).detail()).as("cut to the column")
                .isEqualTo("y".repeat(255));
    }

    /** Random walks over nodes a..e, several visits each, over two versions and 60 hours. */
    private List<StepRecord> generatedSteps(Random random, int count) {
        List<StepRecord> generated = new ArrayList<>();
        String[] nodes = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < count; i++) {
            long instanceId = nextId();
            long contact = random.nextInt(4) == 0 && !generated.isEmpty()
                    ? generated.get(random.nextInt(generated.size())).contactId() : nextId();
            int version = 1 + random.nextInt(2);
            Instant at = t0.plus(Duration.ofHours(random.nextInt(60)));
            generated.add(step(instanceId, contact, version, "a", 0, "ENTERED", at));
            int length = 1 + random.nextInt(6);
            for (int seq = 1; seq <= length; seq++) {
                String node = seq == 1 && random.nextBoolean() ? "a" : nodes[random.nextInt(nodes.length)];
                at = at.plusSeconds(random.nextInt(3_600));
                generated.add(step(instanceId, contact, version, node, seq, "ADVANCED", at));
                if (random.nextInt(3) == 0) {
                    generated.add(step(instanceId, contact, version, node, seq, "EVENT_ARRIVED", at));
                }
            }
        }
        return generated;
    }

    private StepRecord step(long instanceId, long contact, int version, String node, int seq, String outcome,
                            Instant at) {
        return new StepRecord(nextId(), tenant, instanceId, journey, version, contact, node, seq, outcome, null, at);
    }

    private EntryDecision decision(long contact, long journeyId, EntryDecision.Reason reason, String detail,
                                   Instant at) {
        return new EntryDecision(tenant, contact, journeyId, 1, 77, "custom.cart", reason, detail, at);
    }

    private JourneyInstance instance(int version, InstanceStatus status, String node, Instant enteredAt) {
        boolean live = status.isLive();
        return new JourneyInstance(nextId(), tenant, journey, version, nextId(), "EVENT:" + nextId(), nextId(), status,
                node, 2, status == InstanceStatus.WAITING ? enteredAt.plusSeconds(3_600) : null, enteredAt,
                enteredAt.plusSeconds(1), live ? null : enteredAt.plusSeconds(2), live ? null : "path-ended", 0);
    }

    private static JourneyInstance withContact(JourneyInstance i, long contactId) {
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), i.journeyVersion(), contactId, i.entryKey(),
                i.triggerEventId(), i.status(), i.currentNode(), i.seq(), i.wakeAt(), i.enteredAt(), i.updatedAt(),
                i.endedAt(), i.endReason(), i.version());
    }

    private void insert(JourneyInstance... rows) {
        transactions().run(() -> instances().insertAll(List.of(rows)));
    }
}

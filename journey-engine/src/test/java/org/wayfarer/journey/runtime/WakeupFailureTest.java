package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.runtime.InstanceStore.WakeupFailures;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.JourneyStats;
import org.wayfarer.journey.testing.EngineTestKit;

/**
 * A wake-up that fails on its own backs off like a failing event (the kit: 10 s, then 20 s) and, on its third attempt,
 * ends its instance FAILED; the other wake-ups of its batch resume, and its partition carries on.
 */
class WakeupFailureTest {

    private static final String ERROR = "IllegalStateException: bad data for contact ";

    private final EngineTestKit kit = new EngineTestKit();
    private long journeyId;
    /** Followers enrolled by {@link #sharingThePartitionOf} that landed in another partition. */
    private int otherPartitionFollowers;

    @Test
    void aWakeupThatFailsEveryTimeBacksOffThenEndsItsInstanceFailedWhileTheRestOfItsBatchResumes() {
        journeyId = kit.publish(BatchProcessingTest.WELCOME);
        kit.follows("oBAD", "store_0");
        List<String> neighbours = sharingThePartitionOf("oBAD");
        long instanceId = kit.liveInstances("oBAD").get(0).id();
        long contactId = kit.contactId("oBAD");
        kit.failWhenProcessing("oBAD", id -> new IllegalStateException("bad data for contact " + id));

        kit.advance(Duration.ofHours(24));
        assertThat(kit.fireDueTimers()).as("every due timer claimed")
                .isEqualTo(1 + neighbours.size() + otherPartitionFollowers);

        neighbours.forEach(o -> assertThat(kit.sentTo(o)).as("%s resumed", o).hasSize(2));
        assertThat(kit.sentTo("oBAD")).hasSize(1);
        JourneyInstance backingOff = instance(instanceId);
        assertThat(backingOff.status()).isEqualTo(InstanceStatus.WAITING);
        assertThat(backingOff.wakeAt()).as("first retry after 10 s").isEqualTo(kit.clock.instant().plusSeconds(10));
        assertThat(kit.instances.wakeupFailures(EngineTestKit.TENANT, instanceId))
                .contains(new WakeupFailures(1, ERROR + contactId));

        kit.advance(Duration.ofSeconds(7));
        assertThat(kit.fireDueTimers()).as("not claimed before its retry is near").isZero();
        kit.advance(Duration.ofSeconds(3));
        assertThat(kit.fireDueTimers()).isEqualTo(1);
        assertThat(instance(instanceId).wakeAt()).as("then after 20 s").isEqualTo(kit.clock.instant().plusSeconds(20));
        assertThat(kit.instances.wakeupFailures(EngineTestKit.TENANT, instanceId).orElseThrow().attempts())
                .isEqualTo(2);

        kit.advance(Duration.ofSeconds(20));
        assertThat(kit.fireDueTimers()).isEqualTo(1);

        Instant failedAt = kit.clock.instant();
        JourneyInstance failed = instance(instanceId);
        assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(failed.endReason()).isEqualTo("wakeup-failed");
        assertThat(failed.endedAt()).isEqualTo(failedAt);
        assertThat(failed.wakeAt()).isNull();
        assertThat(failed.currentNode()).as("still where it waited").isEqualTo("wait");
        assertThat(failed.seq()).isEqualTo(backingOff.seq());
        assertThat(kit.instances.wakeupFailures(EngineTestKit.TENANT, instanceId))
                .contains(new WakeupFailures(3, ERROR + contactId));
        StepRecord last = kit.steps.forContact(EngineTestKit.TENANT, contactId, 1).get(0);
        assertThat(last.outcome()).isEqualTo("FAILED");
        assertThat(last.detail()).isEqualTo("wakeup-failed: " + ERROR + contactId);
        assertThat(last.at()).isEqualTo(failedAt);
        JourneyStats stats = new JourneyStatistics(kit.journeys, kit.counters, kit.instances)
                .stats(EngineTestKit.TENANT, journeyId, null, null);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.completed()).isEqualTo(neighbours.size() + otherPartitionFollowers);
        assertThat(stats.active()).isZero();

        kit.failWhenProcessing("oBAD", null);
        kit.advance(Duration.ofHours(1));
        assertThat(kit.fireDueTimers()).as("a FAILED instance is never woken again").isZero();
        assertThat(kit.sentTo("oBAD")).hasSize(1);
        kit.follows("oLATER", "store_9");
        kit.advance(Duration.ofHours(24));
        kit.fireDueTimers();
        assertThat(kit.sentTo("oLATER")).as("the partitions still work").hasSize(2);
    }

    @Test
    void aWakeupThatRecoversOnRetryResumesAndIsNotFailed() {
        journeyId = kit.publish(BatchProcessingTest.WELCOME);
        kit.follows("oFLAKY", "store_0");
        long instanceId = kit.liveInstances("oFLAKY").get(0).id();
        kit.failWhenProcessing("oFLAKY", id -> new IllegalStateException("flaky"));
        kit.advance(Duration.ofHours(24));
        kit.fireDueTimers();
        assertThat(kit.instances.wakeupFailures(EngineTestKit.TENANT, instanceId).orElseThrow().attempts())
                .isEqualTo(1);

        kit.failWhenProcessing("oFLAKY", null);
        kit.advance(Duration.ofSeconds(10));
        kit.fireDueTimers();

        assertThat(kit.sentTo("oFLAKY")).hasSize(2);
        assertThat(instance(instanceId).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(kit.instances.wakeupFailures(EngineTestKit.TENANT, instanceId))
                .as("the count is the timer's; the error is kept for inspection")
                .contains(new WakeupFailures(0, "IllegalStateException: flaky"));
    }

    @Test
    void aContactThatExitsWhileItsWakeupBacksOffExitsAndIsNotCharged() {
        journeyId = kit.publish(BatchProcessingTest.WELCOME);
        kit.follows("oLEAVER", "store_0");
        long instanceId = kit.liveInstances("oLEAVER").get(0).id();
        kit.failWhenProcessing("oLEAVER", id -> new IllegalStateException("boom"));
        kit.advance(Duration.ofHours(24));
        kit.fireDueTimers();

        kit.failWhenProcessing("oLEAVER", null);
        kit.happens("wechat.unfollowed", "oLEAVER", Map.of(), Map.of());
        kit.advance(Duration.ofMinutes(10));

        assertThat(kit.fireDueTimers()).isZero();
        assertThat(instance(instanceId).status()).isEqualTo(InstanceStatus.EXITED);
        JourneyStats stats = new JourneyStatistics(kit.journeys, kit.counters, kit.instances)
                .stats(EngineTestKit.TENANT, journeyId, null, null);
        assertThat(stats.exited()).isEqualTo(1);
        assertThat(stats.failed()).isZero();
    }

    /** Enrolls followers until three share the partition of {@code openid}'s contact; returns those three. */
    private List<String> sharingThePartitionOf(String openid) {
        int target = kit.partitionOf(openid);
        List<String> same = new ArrayList<>();
        for (int i = 0; same.size() < 3; i++) {
            String follower = "oN" + i;
            kit.follows(follower, "store_" + i);
            if (kit.partitionOf(follower) == target) {
                same.add(follower);
            } else {
                otherPartitionFollowers++;
            }
        }
        return same;
    }

    private JourneyInstance instance(long instanceId) {
        return kit.instances.find(EngineTestKit.TENANT, instanceId).orElseThrow();
    }
}

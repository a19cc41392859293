package org.wayfarer.journey.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    private final Partitions partitions = new Partitions(8);

    @Test
    void identityPartitionIsStableAcrossJvmRuns() {
        // a pending event keeps its partition number across restarts, so the hash must not depend on the JVM run
        // (enum hashCode does); this value is fixed by the algorithm
        assertThat(partitions.of(Identity.wechatOpenid("wx1234567890abcdef", "oOPENID_1")))
                .isEqualTo(partitions.of(new Identity(IdentityKind.WECHAT_OPENID, "wx1234567890abcdef", "oOPENID_1")))
                .isEqualTo(expected("WECHAT_OPENID", "wx1234567890abcdef", "oOPENID_1"));
    }

    @Test
    void spreadsSimilarOpenidsOverAllPartitions() {
        Map<Integer, Integer> load = new HashMap<>();
        for (int i = 0; i < 8_000; i++) {
            load.merge(partitions.of(Identity.wechatOpenid("wxapp", "oUSER" + i)), 1, Integer::sum);
        }
        assertThat(load).hasSize(8);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
    }

    @Test
    void rejectsNonsenseCounts() {
        assertThatThrownBy(() -> new Partitions(0)).hasMessageContaining("1..256");
    }

    private static int expected(String kind, String namespace, String value) {
        int h = 31 * (31 * kind.hashCode() + namespace.hashCode()) + value.hashCode();
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return Math.floorMod(h, 8);
    }
}

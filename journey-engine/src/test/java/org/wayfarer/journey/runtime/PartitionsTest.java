package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    private final Partitions partitions = new Partitions(8);

    @Test
    void contactPartitionIsFixedByTheAlgorithm() {
        // a pending event keeps its partition number across restarts, so the hash must not depend on the JVM run
        assertThat(partitions.ofContact(1_234_567_890_123L)).isEqualTo(expected(1_234_567_890_123L));
        assertThat(partitions.ofContact(42)).isEqualTo(expected(42));
    }

    @Test
    void spreadsSequentialContactIdsOverAllPartitions() {
        Map<Integer, Integer> load = new HashMap<>();
        long snowflake = 7_390_000_000_000_000_000L;
        for (int i = 0; i < 8_000; i++) {
            load.merge(partitions.ofContact(snowflake + ((long) i << 12)), 1, Integer::sum);
        }
        assertThat(load).hasSize(8);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
    }

    @Test
    void rejectsNonsenseCounts() {
        assertThatThrownBy(() -> new Partitions(0)).hasMessageContaining("1..256");
    }

    private static int expected(long contactId) {
        int h = Long.hashCode(contactId);
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return Math.floorMod(h, 8);
    }
}

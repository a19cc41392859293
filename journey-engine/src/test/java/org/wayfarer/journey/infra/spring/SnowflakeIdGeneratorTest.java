package org.wayfarer.journey.infra.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {

    @Test
    void idsAreUniqueAndIncreasing() {
        SnowflakeIdGenerator ids = new SnowflakeIdGenerator(3, 7);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 20_000; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            seen.add(id);
            previous = id;
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void generatorsOnDifferentNodesNeverCollide() {
        SnowflakeIdGenerator a = new SnowflakeIdGenerator(1, 0);
        SnowflakeIdGenerator b = new SnowflakeIdGenerator(2, 0);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            seen.add(a.nextId());
            seen.add(b.nextId());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void rejectsNodeBitsOutOfRange() {
        assertThatThrownBy(() -> new SnowflakeIdGenerator(32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnowflakeIdGenerator(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesNodeBitsFromTheHostByDefault() {
        SnowflakeIdGenerator ids = new SnowflakeIdGenerator();

        assertThat(ids.nextId()).isLessThan(ids.nextId());
    }
}

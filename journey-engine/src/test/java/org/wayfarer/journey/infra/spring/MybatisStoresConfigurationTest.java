package org.wayfarer.journey.infra.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.wayfarer.journey.IdGenerator;

class MybatisStoresConfigurationTest {

    private final MybatisStoresConfiguration configuration = new MybatisStoresConfiguration();

    @Test
    void pinsSnowflakeNodeBitsFromProperties() {
        IdGenerator ids = configuration.idGenerator(new MockEnvironment()
                .withProperty("wayfarer.ids.worker-id", "3")
                .withProperty("wayfarer.ids.datacenter-id", "7"));

        long id = ids.nextId();

        assertThat((id >> 12) & 31).as("worker bits").isEqualTo(3);
        assertThat((id >> 17) & 31).as("datacenter bits").isEqualTo(7);
    }

    @Test
    void rejectsHalfConfiguredNodeBits() {
        MockEnvironment onlyWorker = new MockEnvironment().withProperty("wayfarer.ids.worker-id", "3");

        assertThatThrownBy(() -> configuration.idGenerator(onlyWorker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wayfarer.ids.datacenter-id");
    }

    @Test
    void derivesNodeBitsWhenNotConfigured() {
        IdGenerator ids = configuration.idGenerator(new MockEnvironment());

        assertThat(ids.nextId()).isPositive();
    }
}

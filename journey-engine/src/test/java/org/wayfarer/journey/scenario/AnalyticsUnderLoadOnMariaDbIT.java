package org.wayfarer.journey.scenario;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.infra.mybatis.MariaDbSchema;

/**
 * {@link AnalyticsUnderLoad} on MariaDB (the cluster database), in a schema of its own: four partitions writing
 * counters, steps and instances under MariaDB's row locks while the books must still balance.
 */
class AnalyticsUnderLoadOnMariaDbIT extends AnalyticsUnderLoad {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    /**
     * On MariaDB a batch may be a deadlock victim (a new counter hour, see the execution semantics' known limits); its
     * retry is due {@code event-retry-delay} later on the mutable clock, which this test moves once at the end, so
     * here retries are due at once.
     */
    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
        registry.add("wayfarer.engine.runtime.event-retry-delay", () -> "0s");
    }
}

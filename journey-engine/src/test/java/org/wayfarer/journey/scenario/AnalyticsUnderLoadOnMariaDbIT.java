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

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
    }
}

package org.wayfarer.journey.scenario;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.infra.mybatis.MariaDbSchema;

/**
 * {@link ScheduleScenarios} on MariaDB (the cluster database), in a schema of its own: the timed-trigger stores' SQL
 * (the fire state's claims, the multi-row {@code INSERT IGNORE} of the entries, the date pre-filter) as MariaDB runs
 * it.
 */
class ScheduleScenariosOnMariaDbIT extends ScheduleScenarios {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    /**
     * On MariaDB a batch may be a deadlock victim (a new counter hour, see the execution semantics' known limits); its
     * retry is due {@code event-retry-delay} later on the mutable clock, which these tests move only in big steps, so
     * here retries are due at once.
     */
    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
        registry.add("wayfarer.engine.runtime.event-retry-delay", () -> "0s");
    }
}

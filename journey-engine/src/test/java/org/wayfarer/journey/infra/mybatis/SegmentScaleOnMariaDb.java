package org.wayfarer.journey.infra.mybatis;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SegmentScaleMeasurement} on the MariaDB at 127.0.0.1:3306, in a schema of its own (see SegmentScaleH2IT). */
@SpringBootTest(classes = StoresTestApplication.class)
@EnabledIfSystemProperty(named = "wayfarer.bench.segments", matches = "[0-9]+")
class SegmentScaleOnMariaDb extends SegmentScaleMeasurement {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "");
    }

    @Override
    String database() {
        return "MariaDB";
    }
}

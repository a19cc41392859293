package org.wayfarer.journey.infra.mybatis;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SegmentScaleMeasurement} on an H2 file database with the embedded product's URL settings. Run:
 * {@code ./mvnw -B -o -pl journey-engine -am verify -Dtest=X -Dit.test='SegmentScale*IT'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dwayfarer.bench.segments=200000}.
 */
@SpringBootTest(classes = StoresTestApplication.class)
@EnabledIfSystemProperty(named = "wayfarer.bench.segments", matches = "[0-9]+")
class SegmentScaleOnH2 extends SegmentScaleMeasurement {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("wayfarer")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;RETENTION_TIME=1000;COMPRESS=TRUE;"
                + "QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=FALSE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void closeDatabase(@Autowired DataSource dataSource) throws IOException {
        MybatisStoresTestBase.closePool(dataSource);
    }

    @Override
    String database() {
        return "H2 file";
    }
}

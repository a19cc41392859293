package org.wayfarer.bench.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlowableBenchTest {

    @Test
    void keepsTheServersDurabilitySettingsAndDropsItsMySqlCompatibility() {
        String yaml = """
                spring:
                  datasource:
                    url: jdbc:h2:file:${wayfarer.data-dir:./data}/wayfarer;MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE
                    username: sa
                """;

        assertThat(FlowableBench.h2Url(yaml, Path.of("/tmp/run/flowable")))
                .isEqualTo("jdbc:h2:file:/tmp/run/flowable;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void refusesAServerConfigurationWithoutAnEmbeddedUrl() {
        assertThatThrownBy(() -> FlowableBench.h2Url("spring:\n  datasource:\n    url: jdbc:mariadb://db/w\n",
                Path.of("/tmp/f")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no jdbc:h2:file URL");
    }
}

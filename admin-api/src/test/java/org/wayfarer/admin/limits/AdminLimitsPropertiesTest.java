package org.wayfarer.admin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.wayfarer.journey.definition.JourneyCompiler;

class AdminLimitsPropertiesTest {

    @Test
    void capsBodiesAboveTheJourneyDefinitionLimit() {
        AdminLimitsProperties defaults = AdminLimitsProperties.defaults();

        assertThat(defaults.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(defaults.maxBodySize().toBytes()).isGreaterThan(JourneyCompiler.Limits.defaults().maxBytes());
        assertThat(defaults.json().maxDocumentLength().toBytes()).isGreaterThanOrEqualTo(defaults.maxBodySize().toBytes());
    }

    @Test
    void refusesABodyCapThatWouldCutOffValidJourneyDefinitions() {
        assertThatThrownBy(() -> new AdminLimitsProperties(DataSize.ofKilobytes(64),
                AdminLimitsProperties.Json.defaults(), AdminLimitsProperties.Events.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wayfarer.admin.limits.max-body-size must be at least 262144 bytes");
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> new AdminLimitsProperties.Events(0, 50, 64, 1024, 3, DataSize.ofKilobytes(16)))
                .hasMessage("wayfarer.admin.limits.events.max-batch-size must be positive");
        assertThatThrownBy(() -> new AdminLimitsProperties.Json(64, -1, DataSize.ofMegabytes(1)))
                .hasMessage("wayfarer.admin.limits.json.max-string-length must be positive");
    }
}

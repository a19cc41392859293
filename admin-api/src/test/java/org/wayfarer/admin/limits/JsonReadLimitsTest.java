package org.wayfarer.admin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The JSON parser limits as the customizer puts them into a factory, and what they refuse. */
class JsonReadLimitsTest {

    private final AdminLimitsProperties.Json limits = new AdminLimitsProperties.Json(8, 100, DataSize.ofBytes(500));

    @Test
    void setsDepthStringAndDocumentLimitsAndKeepsTheOthers() {
        JsonFactoryBuilder builder = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(12).build());

        new JsonReadLimits(limits).customize(builder);

        StreamReadConstraints applied = builder.build().streamReadConstraints();
        assertThat(applied.getMaxNestingDepth()).isEqualTo(8);
        assertThat(applied.getMaxStringLength()).isEqualTo(100);
        assertThat(applied.getMaxDocumentLength()).isEqualTo(500);
        assertThat(applied.getMaxNumberLength()).as("set by an earlier customizer").isEqualTo(12);
    }

    @Test
    void refusesWhatBreaksThem() {
        JsonFactoryBuilder builder = JsonFactory.builder();
        new JsonReadLimits(limits).customize(builder);
        JsonMapper mapper = JsonMapper.builder(builder.build()).build();

        assertThat(mapper.readTree("[".repeat(8) + "]".repeat(8)).isArray()).isTrue();
        assertThatThrownBy(() -> mapper.readTree("[".repeat(9) + "]".repeat(9)))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("getMaxNestingDepth");
        assertThatThrownBy(() -> mapper.readTree("\"" + "x".repeat(101) + "\""))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("getMaxStringLength");
        assertThatThrownBy(() -> mapper.readTree(("[" + "1,".repeat(300) + "1]").getBytes()))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("getMaxDocumentLength");
    }

    @Test
    void runsAfterSpringBootsOwnCustomizer() {
        assertThat(new JsonReadLimits(limits).getOrder()).isGreaterThan(0);
    }
}

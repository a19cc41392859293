package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.EntryPolicy;

class EntryKeysTest {

    @Test
    void oncePerKeyForever() {
        assertThat(EntryKeys.of(EntryPolicy.ONCE, null, 7)).isEqualTo("ONCE:");
        assertThat(EntryKeys.of(EntryPolicy.ONCE, "order-1", 7)).isEqualTo("ONCE:order-1");
    }

    @Test
    void oneAtATimeHoldsTheKeyOnlyWhileLive() {
        assertThat(EntryKeys.of(EntryPolicy.ONE_AT_A_TIME, "k", 7)).isEqualTo("LIVE:k");
        assertThat(EntryKeys.done(42)).isEqualTo("DONE:42").doesNotStartWith(EntryKeys.LIVE);
    }

    @Test
    void everyTimeIsUniquePerEvent() {
        assertThat(EntryKeys.of(EntryPolicy.EVERY_TIME, "ignored", 7)).isEqualTo("EVENT:7");
        assertThat(EntryKeys.of(EntryPolicy.EVERY_TIME, null, 8)).isEqualTo("EVENT:8");
    }

    @Test
    void rejectsKeysThatDoNotFitTheColumn() {
        assertThatThrownBy(() -> EntryKeys.of(EntryPolicy.ONCE, "x".repeat(129), 1))
                .hasMessageContaining("128");
    }
}

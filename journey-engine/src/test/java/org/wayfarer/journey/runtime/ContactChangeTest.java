package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.contact.Contact;

class ContactChangeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NOW = T0.plusSeconds(60);
    private static final Contact LI = new Contact(7, 1, Map.of("name", "Li", "level", "silver"), T0, T0, 3,
            Set.of("vip"));

    @Test
    void setUnsetAndTagsReportOnlyWhatChanged() {
        ContactChange change = ContactChange.of(LI, Map.of("level", "gold", "name", "Li"), List.of("city"),
                List.of("vip", "store_7"), List.of("lapsed"), NOW);

        assertThat(change.changed()).containsExactly("level");
        assertThat(change.tagged()).containsExactly("store_7");
        assertThat(change.untagged()).isEmpty();
        assertThat(change.after()).isEqualTo(new Contact(7, 1, Map.of("name", "Li", "level", "gold"), T0, NOW, 3,
                Set.of("store_7", "vip")));
    }

    @Test
    void anUpdateThatRepeatsItselfChangesNothingAndKeepsTheContact() {
        ContactChange change = ContactChange.of(LI, Map.of("level", "silver"), List.of("city"), List.of("vip"),
                List.of(), NOW);

        assertThat(change.isEmpty()).isTrue();
        assertThat(change.after()).isSameAs(LI);
    }

    @Test
    void unsettingAndSettingNullRemoveAttributesThatWereThere() {
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);

        assertThat(ContactChange.of(LI, nullName, List.of("level"), List.of(), List.of(), NOW).changed())
                .containsExactlyInAnyOrder("name", "level");
    }

    @Test
    void aTagBothAddedAndRemovedEndsRemovedAndIsReportedOnlyIfItWasThere() {
        assertThat(ContactChange.of(LI, Map.of(), List.of(), List.of("vip", "new"), List.of("vip", "new"), NOW))
                .satisfies(change -> {
                    assertThat(change.tagged()).isEmpty();
                    assertThat(change.untagged()).containsExactly("vip");
                    assertThat(change.after().tags()).isEmpty();
                });
    }

    @Test
    void mergingSyncedAttributesIsASetWithoutTags() {
        ContactChange change = ContactChange.merging(LI, Map.of("phone", "138", "name", "Li"), NOW);

        assertThat(change.changed()).containsExactly("phone");
        assertThat(change.after().attributes()).containsEntry("phone", "138").containsEntry("name", "Li");
        assertThat(change.after().version()).as("written once, guarded by the version read").isEqualTo(3);
    }
}

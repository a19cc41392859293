package org.wayfarer.journey.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named event types all pass the name check that triggers, segments and the intake apply. */
class EventTypesTest {

    @Test
    void everyNamedTypeIsAValidDistinctName() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }

        assertThat(names).hasSizeGreaterThanOrEqualTo(19).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(EventTypes.isValid(name)).as(name).isTrue())
                .contains("wechat.card_received", "wechat.subscribe_msg_changed", "wechat.event_received");
    }

    @Test
    void refusesNamesOutsideTheForm() {
        for (String bad : new String[] {null, "", "wechat", "Wechat.followed", "wechat.Followed", "wechat.menu-viewed",
                "1wechat.followed", "wechat." + "a".repeat(56)}) {
            assertThat(EventTypes.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThat(EventTypes.isValid("wechat." + "a".repeat(55))).isTrue();
    }
}

package org.wayfarer.journey.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.catalog.JourneyStatus.ARCHIVED;
import static org.wayfarer.journey.catalog.JourneyStatus.DRAFT;
import static org.wayfarer.journey.catalog.JourneyStatus.PAUSED;
import static org.wayfarer.journey.catalog.JourneyStatus.PUBLISHED;
import static org.wayfarer.journey.catalog.JourneyStatus.STOPPED;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wayfarer.journey.catalog.LifecycleRules.Action;

/** The table of {@link LifecycleRules}, cell by cell, and what a refusal says. */
class LifecycleRulesTest {

    private static final long JOURNEY = 42;

    /** Every allowed (status, action) and where it leads; every other pair is refused. */
    private static final Map<JourneyStatus, Map<Action, JourneyStatus>> ALLOWED = new EnumMap<>(Map.of(
            DRAFT, Map.of(Action.PUBLISH, PUBLISHED, Action.ARCHIVE, ARCHIVED, Action.EDIT, DRAFT),
            PUBLISHED, Map.of(Action.PUBLISH, PUBLISHED, Action.PAUSE, PAUSED, Action.STOP, STOPPED,
                    Action.EDIT, PUBLISHED),
            PAUSED, Map.of(Action.PUBLISH, PAUSED, Action.RESUME, PUBLISHED, Action.STOP, STOPPED,
                    Action.EDIT, PAUSED),
            STOPPED, Map.of(Action.PUBLISH, PUBLISHED, Action.STOP, STOPPED, Action.ARCHIVE, ARCHIVED,
                    Action.EDIT, STOPPED),
            ARCHIVED, Map.of()));

    @ParameterizedTest
    @EnumSource(JourneyStatus.class)
    void followsTheTableFrom(JourneyStatus from) {
        for (Action action : Action.values()) {
            JourneyStatus expected = ALLOWED.get(from).get(action);
            if (expected != null) {
                assertThat(LifecycleRules.after(JOURNEY, from, action)).as(from + " " + action).isEqualTo(expected);
            } else {
                assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, from, action)).as(from + " " + action)
                        .isInstanceOf(JourneyStateException.class)
                        .hasMessageStartingWith("journey 42 is " + from + " and cannot be ")
                        .satisfies(e -> {
                            JourneyStateException refused = (JourneyStateException) e;
                            assertThat(refused.status()).isEqualTo(from);
                            assertThat(refused.action()).isEqualTo(action);
                            assertThat(refused.journeyId()).isEqualTo(JOURNEY);
                        });
            }
        }
    }

    @Test
    void archivingARunningJourneySaysToStopItFirst() {
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, PUBLISHED, Action.ARCHIVE))
                .hasMessage("journey 42 is PUBLISHED and cannot be archived: only a draft that was never published or "
                        + "a stopped journey can be archived; stop it first");
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, PAUSED, Action.ARCHIVE))
                .hasMessageContaining("is PAUSED").hasMessageEndingWith("stop it first");
    }

    @Test
    void refusalsSayWhatToDoInstead() {
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, STOPPED, Action.RESUME))
                .hasMessage("journey 42 is STOPPED and cannot be resumed: a stopped journey cannot go on where it was; "
                        + "publish it to start it again");
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, PUBLISHED, Action.RESUME))
                .hasMessage("journey 42 is PUBLISHED and cannot be resumed: it is not paused");
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, PAUSED, Action.PAUSE))
                .hasMessageContaining("already paused");
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, DRAFT, Action.STOP))
                .hasMessageContaining("never published").hasMessageContaining("archive it instead");
        assertThatThrownBy(() -> LifecycleRules.after(JOURNEY, ARCHIVED, Action.EDIT))
                .hasMessage("journey 42 is ARCHIVED and cannot be edited: an archived journey is never changed again; "
                        + "create a new journey instead");
    }
}

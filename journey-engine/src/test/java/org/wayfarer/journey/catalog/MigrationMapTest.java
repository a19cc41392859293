package org.wayfarer.journey.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.ValidationProblem;

/** What a publish's {@code migrate} map may name, checked against the definitions' JSON alone. */
class MigrationMapTest {

    private static final String V1 = """
            {"nodes": {"welcome": {"type": "send", "next": "wait"},
                       "wait": {"type": "wait", "duration": "PT24H", "next": "nudge"},
                       "paid": {"type": "waitFor", "event": "custom.paid", "next": "nudge"},
                       "nudge": {"type": "send"}}}""";
    private static final String V2 = """
            {"nodes": {"welcome": {"type": "send", "next": "wait"},
                       "wait": {"type": "wait", "duration": "PT24H", "next": "nudge"},
                       "paid": {"type": "waitFor", "event": "custom.paid", "timeout": "PT1H", "next": "nudge"},
                       "nudge": {"type": "send"}}}""";
    private static final String V3 = """
            {"nodes": {"welcome": {"type": "send", "next": "wait2"},
                       "wait2": {"type": "wait", "duration": "PT12H", "next": "offer"},
                       "paid2": {"type": "waitFor", "event": "custom.paid", "next": "offer"},
                       "offer": {"type": "send"}}}""";

    @Test
    void acceptsWaitingNodesOfOlderVersionsMovedToWaitingNodesOfTheTarget() {
        assertThat(MigrationMap.problems(Map.of("wait", "wait2", "paid", "paid2"), Map.of(1, V1, 2, V2), 3, V3))
                .isEmpty();
        assertThat(MigrationMap.problems(Map.of("wait", "paid2"), Map.of(1, V1), 3, V3)).as("wait to waitFor")
                .isEmpty();
    }

    @Test
    void listsEveryBadEntryAtItsPointerInTheMapsOrder() {
        Map<String, String> migrate = new LinkedHashMap<>();
        migrate.put("gone", "wait2");
        migrate.put("welcome", "wait2");
        migrate.put("wait", "missing");
        migrate.put("paid", "offer");
        migrate.put("a/b~c", "wait2");

        assertThat(MigrationMap.problems(migrate, Map.of(1, V1, 2, V2), 3, V3))
                .extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/migrate/gone", "unknown-node"),
                        tuple("/migrate/welcome", "not-a-waiting-node"),
                        tuple("/migrate/wait", "unknown-target"),
                        tuple("/migrate/paid", "target-not-waiting"),
                        tuple("/migrate/a~1b~0c", "unknown-node"));
    }

    @Test
    void messagesNameTheNodesAndVersions() {
        Map<String, String> migrate = new LinkedHashMap<>();
        migrate.put("gone", "wait2");
        migrate.put("welcome", "wait2");
        migrate.put("paid", "offer");

        assertThat(MigrationMap.problems(migrate, Map.of(1, V1, 2, V2), 3, V3)).extracting(ValidationProblem::message)
                .containsExactly("no older version (v1, v2) has a node 'gone'",
                        "node 'welcome' is a send in every older version that has it; only instances at a wait or "
                                + "waitFor node wait, so none can be moved from there",
                        "node 'offer' of version 3 is a send; instances can move only to a wait or waitFor node");
    }

    @Test
    void aWaitForWithoutTimeoutCannotMoveToAWaitItWouldNeverWakeFrom() {
        assertThat(MigrationMap.problems(Map.of("paid", "wait2"), Map.of(1, V1, 2, V2), 3, V3))
                .extracting(ValidationProblem::code).containsExactly("never-wakes");
        assertThat(MigrationMap.problems(Map.of("paid", "wait2"), Map.of(2, V2), 3, V3)).as("v2's has a timeout")
                .isEmpty();
    }

    @Test
    void aFirstPublishHasNothingToMigrateFrom() {
        assertThat(MigrationMap.problems(Map.of("wait", "wait2"), Map.of(), 1, V3))
                .extracting(ValidationProblem::code, ValidationProblem::message)
                .containsExactly(tuple("unknown-node", "the journey has no older version to migrate from"));
    }

    @Test
    void anOlderVersionThatIsNoLongerReadableHasNoNodes() {
        assertThat(MigrationMap.problems(Map.of("wait", "wait2"), Map.of(1, "not json", 2, V2), 3, V3)).isEmpty();
        assertThat(MigrationMap.problems(Map.of("wait", "wait2"), Map.of(1, "{}"), 3, V3))
                .extracting(ValidationProblem::code).containsExactly("unknown-node");
    }
}

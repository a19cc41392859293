package org.wayfarer.journey.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.infra.embedded.CompactionPolicy.CompactableStore;
import org.wayfarer.journey.infra.embedded.CompactionPolicy.Held;

class CompactionPolicyTest {

    private static final CompactionSettings SETTINGS =
            new CompactionSettings(80, 256 * 1024, Duration.ofMillis(100), 70, 1 << 20);

    private final CompactionPolicy.Memory memory = new CompactionPolicy.Memory();

    @Test
    void rewritesSparseChunksUntilTheyAreFullEnoughThenMoves() {
        FakeStore store = new FakeStore();
        store.fillAfterEachRewrite(30, 55, 85);

        CompactionPass pass = CompactionPolicy.pass(store, SETTINGS, memory);

        assertThat(store.calls).containsExactly("rewrite 80 262144", "rewrite 80 262144", "rewrite 80 262144",
                "move 35 1048576");
        assertThat(pass.rewriteCalls()).isEqualTo(3);
        assertThat(pass.rewrites()).isEqualTo(3);
        assertThat(pass.chunksFillRate()).isEqualTo(85);
    }

    @Test
    void startsNoRewriteOnceItsCallsHeldTheCommitLockForItsBudget() {
        FakeStore store = new FakeStore();
        store.rewriteHolds = Duration.ofMillis(40); // the store never fills up: only the budget stops the pass
        store.fillAfterEachRewrite(10, 10, 10, 10, 10, 10);

        CompactionPass pass = CompactionPolicy.pass(store, SETTINGS, memory);

        // after three calls the lock was held 120 ms, over the 100 ms budget
        assertThat(pass.rewriteCalls()).isEqualTo(3);
        assertThat(store.calls).last().asString().startsWith("move ");
    }

    @Test
    void endsAfterAFixedNumberOfRewritesEvenIfEachHeldTheLockForNoTimeAtAll() {
        FakeStore store = new FakeStore();
        store.rewriteHolds = Duration.ZERO;
        store.chunksFill = 10; // stays sparse

        CompactionPass pass = CompactionPolicy.pass(store, SETTINGS, memory);

        assertThat(pass.rewriteCalls()).isEqualTo(CompactionPolicy.MAX_REWRITES);
    }

    @Test
    void movesOnWhenRewritesFindNothingToDo() {
        FakeStore store = new FakeStore();
        store.rewritesChange = false; // e.g. every sparse chunk is younger than the retention time
        store.fillAfterEachRewrite(20, 20, 20, 20, 20, 20);

        CompactionPass pass = CompactionPolicy.pass(store, SETTINGS, memory);

        assertThat(pass.rewriteCalls()).isEqualTo(CompactionPolicy.MAX_FRUITLESS_REWRITES);
        assertThat(pass.rewrites()).isZero();
        assertThat(store.calls).last().asString().startsWith("move ");
    }

    @Test
    void movesAQuietDatabaseBelowTheFillRateButABusyOneOnlyWhenMostlyEmpty() {
        FakeStore store = new FakeStore();
        store.chunksFill = 95; // nothing to rewrite
        store.fileBytes = 50_000_000;

        CompactionPolicy.pass(store, SETTINGS, memory);
        store.version++; // a writer committed since
        CompactionPolicy.pass(store, SETTINGS, memory);
        assertThat(store.calls).containsExactly("move 35 1048576", "move 35 1048576");

        store.calls.clear();
        store.fileBytesAfterMove = 20_000_000;
        CompactionPass quiet = CompactionPolicy.pass(store, SETTINGS, memory); // nothing committed since
        assertThat(store.calls).containsExactly("nudge 65536", "move 70 1048576");
        assertThat(quiet.fileBytesBefore()).isEqualTo(50_000_000);
        assertThat(quiet.fileBytesAfter()).isEqualTo(20_000_000);
    }

    @Test
    void reportsHowLongEachCallHeldTheCommitLock() {
        FakeStore store = new FakeStore();
        store.rewriteHolds = Duration.ofMillis(7);
        store.moveHolds = Duration.ofMillis(3);
        store.fillAfterEachRewrite(90);

        CompactionPass pass = CompactionPolicy.pass(store, SETTINGS, memory);

        assertThat(pass.pauses()).containsExactly(Duration.ofMillis(7), Duration.ofMillis(3));
        assertThat(pass.longestPause()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void nudgesAQuietDatabaseAFewTimesThenLeavesItAloneUntilSomethingCommits() {
        FakeStore store = new FakeStore();
        store.rewritesChange = false; // only dead chunks left, and they wait for a later version
        store.chunksFill = 30;

        CompactionPolicy.pass(store, SETTINGS, memory); // first pass: no earlier version to compare with
        assertThat(store.calls).doesNotContain("nudge 65536");

        store.calls.clear();
        CompactionPolicy.pass(store, SETTINGS, memory); // nothing committed since: quiet
        assertThat(store.calls).containsExactly("rewrite 80 262144", "rewrite 80 262144", "rewrite 80 262144",
                "nudge 65536", "move 70 1048576");

        store.calls.clear();
        for (int i = 0; i < 5; i++) {
            CompactionPolicy.pass(store, SETTINGS, memory); // its own nudges do not end the quiet spell
        }
        assertThat(store.calls.stream().filter("nudge 65536"::equals)).hasSize(CompactionPolicy.MAX_NUDGES - 1);

        store.version += 5; // the application wrote something, then went quiet again
        CompactionPolicy.pass(store, SETTINGS, memory);
        store.calls.clear();
        CompactionPolicy.pass(store, SETTINGS, memory);
        assertThat(store.calls).contains("nudge 65536");
    }

    @Test
    void nudgesAQuietDatabaseEvenWhenItsChunksLookFull() {
        FakeStore store = new FakeStore();
        store.chunksFill = 87; // as counted before the last commits' replaced pages are accounted

        CompactionPolicy.pass(store, SETTINGS, memory);
        store.calls.clear();
        CompactionPolicy.pass(store, SETTINGS, memory);

        assertThat(store.calls).containsExactly("nudge 65536", "move 70 1048576");
    }

    @Test
    void neverNudgesWhileTheApplicationCommits() {
        FakeStore store = new FakeStore();
        store.rewritesChange = false;
        store.chunksFill = 30;
        for (int i = 0; i < 5; i++) {
            store.version++; // someone committed since the last pass
            CompactionPolicy.pass(store, SETTINGS, memory);
        }
        assertThat(store.calls).doesNotContain("nudge 65536");
    }

    @Test
    void settingsRefuseFillRatesOutsideAPercentageAndEmptyBudgets() {
        assertThatThrownBy(() -> new CompactionSettings(0, 1, Duration.ofMillis(1), 50, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rewriteBelowFillRate must be within 1..100, got 0");
        assertThatThrownBy(() -> new CompactionSettings(50, 1, Duration.ofMillis(1), 101, 1))
                .hasMessage("moveBelowFillRate must be within 1..100, got 101");
        assertThatThrownBy(() -> new CompactionSettings(50, 0, Duration.ofMillis(1), 50, 1))
                .hasMessage("rewriteBytes and moveBytes must be > 0, got 0 and 1");
        assertThatThrownBy(() -> new CompactionSettings(50, 1, Duration.ZERO, 50, 1))
                .hasMessage("passBudget must be > 0, got PT0S");
    }

    /** A store whose chunks' fill rate follows a script: the next value after each rewrite. */
    private static final class FakeStore implements CompactableStore {
        final List<String> calls = new ArrayList<>();
        private final List<Integer> fills = new ArrayList<>();
        int chunksFill = 10;
        long version = 1;
        long fileBytes = 1_000_000;
        long fileBytesAfterMove = -1;
        boolean rewritesChange = true;
        Duration rewriteHolds = Duration.ofMillis(1);
        Duration moveHolds = Duration.ofMillis(1);

        void fillAfterEachRewrite(Integer... rates) {
            fills.addAll(List.of(rates));
        }

        @Override
        public int chunksFillRate() {
            return chunksFill;
        }

        @Override
        public int fileFillRate() {
            return 90;
        }

        @Override
        public long fileBytes() {
            return fileBytes;
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public Held nudge(int bytes) {
            calls.add("nudge " + bytes);
            version++; // its commit
            return new Held(true, 1);
        }

        @Override
        public Held rewrite(int belowFillRate, int bytes) {
            calls.add("rewrite " + belowFillRate + " " + bytes);
            if (!fills.isEmpty()) {
                chunksFill = fills.remove(0);
            }
            return new Held(rewritesChange, rewriteHolds.toNanos());
        }

        @Override
        public Held move(int belowFillRate, int bytes) {
            calls.add("move " + belowFillRate + " " + bytes);
            if (fileBytesAfterMove >= 0) {
                fileBytes = fileBytesAfterMove;
            }
            return new Held(true, moveHolds.toNanos());
        }
    }
}

package org.wayfarer.journey.infra.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One compaction pass over a store: rewrite the live pages of sparse chunks while the chunks are mostly dead space,
 * one bounded call at a time; on a quiet database (nothing committed since the last pass) commit once so that the
 * store frees what its last commits left dead; then let the store move chunks from the end of the file into the holes
 * and truncate it. Every call holds the store's commit lock (committing writers wait meanwhile), so calls are kept
 * small and a pass stops once its calls have held the lock for its budget, even when the target is not reached yet:
 * the next pass continues. Time spent waiting for the lock does not count: writers are not held up by it.
 *
 * <p>Pure logic over a {@link CompactableStore}; not thread-safe per pass (one pass at a time per store).
 */
final class CompactionPolicy {

    /** Consecutive rewrite calls that found nothing to rewrite before the pass moves on. */
    static final int MAX_FRUITLESS_REWRITES = 3;

    /** Rewrite calls per pass at most, whatever their lock time: a pass always ends. */
    static final int MAX_REWRITES = 64;

    private CompactionPolicy() {
    }

    /**
     * The store operations a pass needs. Fill rates are percentages (0..100); byte counts are upper bounds of one
     * call's work.
     */
    interface CompactableStore {

        /** Live share of the bytes in chunks (dead chunks not yet freed count as empty). */
        int chunksFillRate();

        /** Share of the file's blocks that chunks occupy. */
        int fileFillRate();

        long fileBytes();

        /** The store's version: it advances with every commit, anyone's. */
        long version();

        /**
         * Rewrites the live pages of the sparsest old chunks, up to {@code bytes} of live data, if the chunks' fill
         * rate is below {@code belowFillRate}, and commits them; the old chunks' space is reused after the store's
         * retention time.
         *
         * @return whether anything was rewritten, and how long the store's commit lock was held for it
         */
        Held rewrite(int belowFillRate, int bytes);

        /**
         * Frees dead chunks and, if the file's fill rate is below {@code belowFillRate}, moves up to {@code bytes}
         * of chunks from the end of the file into holes and truncates it.
         *
         * @return how long the store's commit lock was held
         */
        Held move(int belowFillRate, int bytes);

        /**
         * Rewrites up to {@code bytes} of whatever old chunk can be rewritten, however full, and commits: one commit
         * on an idle database, without which its fill rates stay as they were before its last commits (replaced
         * pages are accounted at the next commit) and the chunks that died last are never freed (a dead chunk's
         * space is reused only once a later version exists).
         */
        Held nudge(int bytes);
    }

    /**
     * What a pass remembers for the next: the version seen when the last pass ended and how often the database was
     * nudged since anyone else last committed. One per store; not thread-safe.
     */
    static final class Memory {
        private long lastSeenVersion = -1;
        private int nudges;
    }

    /** One call's effect: whether it changed anything and how long it held the commit lock. */
    record Held(boolean changed, long nanos) {
    }

    /** Bytes the idle nudge rewrites. */
    static final int NUDGE_BYTES = 64 * 1024;

    /**
     * Nudges per quiet spell: a nudge's own commit can leave a chunk dead that only a further version frees (the
     * chunk at the end of the file, say, that keeps it from being truncated); after these the database is left alone
     * until the application writes again.
     */
    static final int MAX_NUDGES = 3;

    /** Runs one pass. */
    static CompactionPass pass(CompactableStore store, CompactionSettings settings, Memory memory) {
        // our own commits below must not make the database look busy: judged before the pass changes anything
        boolean quiet = store.version() == memory.lastSeenVersion;
        long budget = settings.passBudget().toNanos();
        long before = store.fileBytes();
        List<Duration> pauses = new ArrayList<>();
        long held = 0;
        int calls = 0;
        int rewrites = 0;
        int fruitless = 0;
        while (fruitless < MAX_FRUITLESS_REWRITES && held < budget && calls < MAX_REWRITES
                && store.chunksFillRate() < settings.rewriteBelowFillRate()) {
            Held call = store.rewrite(settings.rewriteBelowFillRate(), settings.rewriteBytes());
            pauses.add(Duration.ofNanos(call.nanos()));
            held += call.nanos();
            calls++;
            if (call.changed()) {
                rewrites++;
                fruitless = 0;
            } else {
                fruitless++;
            }
        }
        if (!quiet) {
            memory.nudges = 0;
        } else if (rewrites == 0 && memory.nudges < MAX_NUDGES) {
            // nothing committed since the last pass: the pages the last commits replaced are not even counted as
            // dead yet (the store does that at its next commit), and chunks that died wait for a later version
            pauses.add(Duration.ofNanos(store.nudge(NUDGE_BYTES).nanos()));
            memory.nudges++;
        }
        // always: dead chunks are freed only at a commit or here, so a quiet database needs this to shrink. Moving
        // syncs the file several times (H2 guards against power loss there), which holds the lock for up to a few
        // hundred ms; while writers commit, new chunks fill the holes anyway, so only a file mostly empty is moved
        int moveBelow = quiet ? settings.moveBelowFillRate() : settings.moveBelowFillRate() / 2;
        pauses.add(Duration.ofNanos(store.move(Math.max(1, moveBelow), settings.moveBytes()).nanos()));
        memory.lastSeenVersion = store.version();
        return new CompactionPass(calls, rewrites, pauses, before, store.fileBytes(), store.chunksFillRate(),
                store.fileFillRate());
    }
}

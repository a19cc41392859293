package org.wayfarer.journey.infra.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.wayfarer.journey.infra.embedded.CompactionPolicy.CompactableStore;
import org.wayfarer.journey.infra.embedded.CompactionPolicy.Held;

/**
 * Online compaction of the embedded H2 file database (MVStore), which H2 itself does not do with the durability the
 * engine needs.
 *
 * <p>Why: with {@code WRITE_DELAY=0} every commit is written to the file at once as a new chunk holding every page
 * the commit changed, plus the path to each B-tree's root. A chunk's space is reused only when none of its pages is
 * live any more, and the few pages a commit leaves untouched afterwards (a full index leaf, a finished row) keep the
 * whole chunk alive. H2 rewrites such sparse chunks in its background writer thread, but {@code WRITE_DELAY=0}
 * disables that thread (it is also what writes commits late), so the file grows by every commit's chunk forever:
 * 110-130 KB per follow in the first version. This class does that housekeeping from the outside, through MVStore's
 * public {@link MVStore#compact(int, int)}, {@link MVStore#commit()} and
 * {@link RandomAccessStore#compactMoveChunks(int, long, MVStore)}, each call made holding the commit lock (taken in
 * line with the committers) and bounded in bytes, in short passes (see {@link CompactionPolicy}); docs/adr/0007 has
 * the measurements and the settings it relies on ({@code RETENTION_TIME=1000}, {@code COMPRESS=TRUE}).
 *
 * <p>Durability is untouched: compaction copies live pages into new chunks and commits them like any other write,
 * and old chunks are reused only after the store's retention time.
 *
 * <p>Thread-safe: passes may run on any thread and run one at a time. A data source that is not an embedded H2 file
 * database (H2 in memory, over TCP, MySQL) makes every pass a no-op.
 */
public final class H2FileCompaction {

    private final DataSource dataSource;
    private final CompactionSettings settings;
    private final Map<MVStore, CompactionPolicy.Memory> memories = new WeakHashMap<>();

    public H2FileCompaction(DataSource dataSource, CompactionSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * Runs one pass on the database behind the data source, borrowing one connection for its duration (which also
     * keeps the database open meanwhile).
     *
     * @return what the pass did, or empty when the data source is not an embedded H2 file database
     * @throws SQLException when no connection could be had
     */
    public synchronized Optional<CompactionPass> runOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fileStore(connection).map(store -> CompactionPolicy.pass(new MvStoreCompactable(store), settings,
                    memory(store)));
        }
    }

    /** One memory per store instance: a database closed and opened again is a new store. */
    private CompactionPolicy.Memory memory(MVStore store) {
        return memories.computeIfAbsent(store, s -> new CompactionPolicy.Memory());
    }

    /**
     * The retention time of the store behind the data source, in milliseconds: how long a chunk that is no longer
     * needed is kept before its space is reused; empty when the data source is not an embedded H2 file database.
     */
    public Optional<Integer> retentionMillis() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fileStore(connection).map(MVStore::getRetentionTime);
        }
    }

    /** The writable, file-backed MVStore behind an embedded H2 connection, if that is what it is. */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
            return Optional.empty(); // a TCP client's session, or an in-memory database
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        if (store.isClosed() || store.isReadOnly() || !(store.getFileStore() instanceof RandomAccessStore)) {
            return Optional.empty();
        }
        return Optional.of(store);
    }

    /** The policy's view of a single-file MVStore. */
    private record MvStoreCompactable(MVStore store) implements CompactableStore {

        /** The largest rewrite a nudge grows to: a chunk holds at most a few MB of live data. */
        private static final long MAX_NUDGE_BYTES = 16L << 20;

        private FileStore<?> files() {
            return store.getFileStore();
        }

        @Override
        public int chunksFillRate() {
            return files().getChunksFillRate();
        }

        @Override
        public int fileFillRate() {
            return files().getFillRate();
        }

        @Override
        public long fileBytes() {
            return files().size();
        }

        @Override
        public Held rewrite(int belowFillRate, int bytes) {
            // takes the commit lock first (waiting in line with the committers: MVStore.compact on its own gives up
            // after 10 ms, which under load is nearly always), rewrites inside it, and writes the copies at once: on
            // an idle database no other commit would, and the next call would pick the same chunks again
            boolean[] changed = new boolean[1];
            long held = underCommitLock(() -> {
                changed[0] = store.compact(belowFillRate, bytes);
                if (changed[0]) {
                    store.commit();
                }
            });
            return new Held(changed[0], held);
        }

        @Override
        public long version() {
            return store.getCurrentVersion();
        }

        @Override
        public Held nudge(int bytes) {
            // MVStore.compact rewrites only chunks whose live data fits the limit: start small and grow it until
            // one chunk fits, so that there is something to commit
            boolean[] changed = new boolean[1];
            long held = underCommitLock(() -> {
                for (long limit = bytes; !changed[0] && limit <= MAX_NUDGE_BYTES; limit *= 4) {
                    changed[0] = store.compact(100, (int) limit);
                }
                if (changed[0]) {
                    store.commit();
                }
            });
            return new Held(changed[0], held);
        }

        @Override
        public Held move(int belowFillRate, int bytes) {
            long before = fileBytes();
            long held = underCommitLock(() ->
                    ((RandomAccessStore) files()).compactMoveChunks(belowFillRate, bytes, store));
            return new Held(fileBytes() != before, held);
        }

        /** Runs {@code work} holding the store lock every commit needs; returns how long it was held. */
        private long underCommitLock(Runnable work) {
            long[] held = new long[1];
            store.executeFilestoreOperation(() -> {
                long started = System.nanoTime();
                work.run();
                held[0] = System.nanoTime() - started;
            });
            return held[0];
        }
    }
}

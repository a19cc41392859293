package org.wayfarer.journey.infra.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.wayfarer.journey.infra.embedded.CompactionPass;
import org.wayfarer.journey.infra.embedded.H2FileCompaction;

/**
 * Runs {@link H2FileCompaction} passes on one daemon thread, {@code interval} apart, while the application runs; stops
 * (waiting for a pass in progress) before the data source closes. Publishes, when a meter registry is present,
 * {@code wayfarer.h2.compaction.pause} (every call that held the store's commit lock), {@code wayfarer.h2.file.size}
 * and {@code wayfarer.h2.chunks.fill} (bytes and percent after the last pass).
 */
final class EmbeddedCompactionLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCompactionLifecycle.class);
    private static final int LONG_RETENTION_MILLIS = 5_000;

    private final H2FileCompaction compaction;
    private final Duration interval;
    private final Timer pauses;
    private final AtomicLong fileBytes = new AtomicLong(-1);
    private final AtomicLong chunksFill = new AtomicLong(-1);
    private ScheduledExecutorService scheduler;
    private boolean warned;

    EmbeddedCompactionLifecycle(H2FileCompaction compaction, Duration interval, Optional<MeterRegistry> registry) {
        this.compaction = compaction;
        this.interval = interval;
        this.pauses = registry.map(r -> {
            r.gauge("wayfarer.h2.file.size", fileBytes);
            r.gauge("wayfarer.h2.chunks.fill", chunksFill);
            return Timer.builder("wayfarer.h2.compaction.pause")
                    .description("time one compaction call held the embedded store's commit lock").register(r);
        }).orElse(null);
    }

    @Override
    public synchronized void start() {
        Optional<Integer> retention;
        try {
            retention = compaction.retentionMillis();
        } catch (SQLException e) {
            log.warn("embedded H2 compaction not started: no connection ({})", e.getMessage());
            return;
        }
        if (retention.isEmpty()) {
            log.debug("the data source is not an embedded H2 file database; no compaction");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wayfarer-h2-compaction");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::passQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("embedded H2 file compaction every {} (store retention time {} ms)", interval, retention.get());
        if (retention.get() > LONG_RETENTION_MILLIS) {
            log.warn("RETENTION_TIME={} keeps every chunk written in the last {} ms in the file; docs/adr/0007 sets"
                    + " 1000 in the embedded URL", retention.get(), retention.get());
        }
    }

    private void passQuietly() {
        try {
            compaction.runOnce().ifPresent(this::record);
            warned = false;
        } catch (SQLException | RuntimeException e) {
            // a closing database or a busy pool: the next pass tries again; say so once, not every second
            if (!warned) {
                log.warn("embedded H2 compaction pass failed; trying again every {}", interval, e);
                warned = true;
            }
        }
    }

    private void record(CompactionPass pass) {
        fileBytes.set(pass.fileBytesAfter());
        chunksFill.set(pass.chunksFillRate());
        if (pauses != null) {
            pass.pauses().forEach(pauses::record);
        }
        if (log.isDebugEnabled()) {
            log.debug("compaction pass: {} of {} rewrites, longest pause {} ms, file {} -> {} bytes, chunks {}% full,"
                            + " file {}% full", pass.rewrites(), pass.rewriteCalls(), pass.longestPause().toMillis(),
                    pass.fileBytesBefore(), pass.fileBytesAfter(), pass.chunksFillRate(), pass.fileFillRate());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Starts after the data source exists and stops with the engine, long before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}

package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.wayfarer.journey.segment.SegmentRefresher;

/**
 * Runs {@link SegmentRefresher#refreshAll} on one daemon thread, {@code interval} after the previous run ended (the
 * first one interval after start), while the engine runs. Starts after the engine (its events need the intake) and
 * stops before it, waiting for a refresh in progress; a refresh cut short is repeated, without duplicate events, by
 * the next run (see {@link SegmentRefresher}).
 */
final class SegmentRefreshLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentRefreshLifecycle.class);

    private final SegmentRefresher refresher;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    SegmentRefreshLifecycle(SegmentRefresher refresher, Duration interval) {
        this.refresher = refresher;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wayfarer-segment-refresh");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("segments refreshed every {}", interval);
    }

    private void refreshQuietly() {
        try {
            refresher.refreshAll();
        } catch (RuntimeException e) {
            log.error("segment refresh run failed; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("a segment refresh was still running at shutdown; the next start repeats it");
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

    /** Inside the engine's phase: started after it and stopped before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}

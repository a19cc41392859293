package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.wayfarer.journey.schedule.ScheduledFires;

/**
 * Runs {@link ScheduledFires#pollOnce} on one daemon thread, {@code interval} after the previous poll ended (the first
 * one interval after start), while the engine runs. Starts after the engine (the fires' instances need its timers)
 * and stops before it, waiting for a page in progress; a fire cut short goes on from its last committed page at the
 * next start (or on another node once its lease expired).
 */
final class ScheduleLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleLifecycle.class);

    private final ScheduledFires fires;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    ScheduleLifecycle(ScheduledFires fires, Duration interval) {
        this.fires = fires;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wayfarer-schedules");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("timed triggers polled every {}", interval);
    }

    private void pollQuietly() {
        try {
            fires.pollOnce();
        } catch (RuntimeException e) {
            log.error("schedule poll failed; trying again in {}", interval, e);
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
                log.warn("a fire was still running at shutdown; it goes on from its last committed page");
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

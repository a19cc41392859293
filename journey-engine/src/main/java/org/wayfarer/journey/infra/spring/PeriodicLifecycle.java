package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a background task on one daemon thread, {@code interval} after the previous run ended (the first one interval
 * after start), while the engine runs: the segment refresh, the timed-trigger poll. Starts after the engine (the
 * tasks need its intake and timers) and stops before it, waiting up to 30 s for a run in progress. A failing run is
 * logged and tried again at the next interval; each task repeats an interrupted run safely by itself. Public for
 * channel modules' periodic work (the WeChat channel's QR code re-issue), which runs in the same phase.
 */
public final class PeriodicLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicLifecycle.class);

    private final String name;
    private final Runnable task;
    private final Duration interval;
    private final String interrupted;
    private ScheduledExecutorService scheduler;

    /**
     * @param name        what the task does, for the thread name and the log ("segment refresh")
     * @param interrupted what happens to a run still going at shutdown, for the log
     */
    public PeriodicLifecycle(String name, Runnable task, Duration interval, String interrupted) {
        this.name = name;
        this.task = task;
        this.interval = interval;
        this.interrupted = interrupted;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wayfarer-" + name.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("{} every {}", name, interval);
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("{} failed; trying again in {}", name, interval, e);
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
                log.warn("a {} was still running at shutdown; {}", name, interrupted);
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

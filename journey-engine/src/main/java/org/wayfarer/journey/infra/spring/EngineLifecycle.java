package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.infra.embedded.InboxEventBus;
import org.wayfarer.journey.inbox.GroupCommitIntake;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.runtime.TimerWheel;

/**
 * Starts the engine's background work (intake writer, partition workers, timing wheel, trigger index and paused
 * journeys refresh, finishing resumes cut short, outbox sweep) when the context is up and
 * stops it on shutdown after the web server, so no callback finds the workers gone and no work starts against a
 * closing database.
 */
final class EngineLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);

    private final GroupCommitIntake intake;
    private final InboxEventBus bus;
    private final TimerWheel timers;
    private final PublishedJourneys published;
    private final JourneyLifecycle lifecycle;
    private final OutboxDispatcher dispatcher;
    private final ExecutorService sendPool;
    private final EngineProperties properties;
    private final RuntimeProperties runtime;
    private ScheduledExecutorService scheduler;

    EngineLifecycle(GroupCommitIntake intake, InboxEventBus bus, TimerWheel timers, PublishedJourneys published,
                    JourneyLifecycle lifecycle, OutboxDispatcher dispatcher, ExecutorService sendPool,
                    EngineProperties properties, RuntimeProperties runtime) {
        this.intake = intake;
        this.bus = bus;
        this.timers = timers;
        this.published = published;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.dispatcher = dispatcher;
        this.sendPool = sendPool;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        bus.start();
        intake.start();
        scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "wayfarer-scheduler");
            t.setDaemon(true);
            return t;
        });
        every(properties.timerPollInterval(), "timer poll", timers::pollOnce);
        every(runtime.timerTick(), "timer release", timers::releaseDue);
        every(runtime.triggerRefresh(), "trigger index refresh", published::refreshIfChanged);
        every(runtime.triggerRefresh(), "held timer release",
                () -> lifecycle.finishReleases(published.paused().releasesPending()));
        every(properties.outboxSweepInterval(), "outbox sweep", dispatcher::sweep);
        log.info("journey engine started: {} partitions, timer poll every {}", bus.partitionCount(),
                properties.timerPollInterval());
    }

    private void every(Duration period, String name, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("{} failed; trying again next period", name, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        intake.close();
        scheduler.shutdownNow();
        bus.close();
        sendPool.shutdown();
        try {
            if (!sendPool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("sends still running at shutdown; their rows become UNKNOWN when their lease expires");
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

    /**
     * Below the web server's phases: the engine starts before callbacks are accepted and stops only after the web
     * server has finished its in-flight requests (and long before the data source closes).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}

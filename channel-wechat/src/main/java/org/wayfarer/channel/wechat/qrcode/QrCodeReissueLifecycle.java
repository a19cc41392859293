package org.wayfarer.channel.wechat.qrcode;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link QrCodeReissuer#reissueDue} on one daemon thread, {@code interval} after the previous run ended (the
 * first one interval after start), like the engine's periodic tasks. A failing run is logged and tried again at the
 * next interval; stopping waits up to 30 s for a run in progress, and a run cut short is simply repeated by the next
 * start (codes still due are re-issued then).
 */
public final class QrCodeReissueLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QrCodeReissueLifecycle.class);

    private final QrCodeReissuer reissuer;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public QrCodeReissueLifecycle(QrCodeReissuer reissuer, Duration interval) {
        this.reissuer = reissuer;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wayfarer-qrcode-reissue");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("QR code re-issue every {}", interval);
    }

    private void runQuietly() {
        try {
            reissuer.reissueDue();
        } catch (RuntimeException e) {
            log.error("QR code re-issue failed; trying again in {}", interval, e);
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
                log.warn("a QR code re-issue was still running at shutdown; the next start repeats it");
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

    /** Stopped before the web server and the data source, like the engine's own periodic tasks. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}

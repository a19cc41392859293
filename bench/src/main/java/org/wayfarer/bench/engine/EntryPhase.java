package org.wayfarer.bench.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wayfarer.bench.probe.CpuTime;
import org.wayfarer.bench.probe.DatabaseFile;
import org.wayfarer.bench.probe.JdbcCounts;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;

/**
 * Hands {@code count} follows by distinct new followers to {@link EventIntake} from {@code threads} threads (as
 * callback threads would, but without HTTP or WeChat crypto), then waits until the no-op sender has had every
 * follower's welcome: a journey entry here is the event stored, the contact created, the instance entered, the send
 * queued and dispatched, and the instance parked at its 24 h wait.
 */
final class EntryPhase {

    /**
     * @param count          follows handed in
     * @param accepted       of which {@link EventIntake#accept} answered Accepted
     * @param intakeSeconds  first hand-in to the last accept returning
     * @param seconds        first hand-in to the last welcome sent
     * @param sent           welcomes the no-op sender got in this phase
     * @param cpuNanos       CPU this JVM used meanwhile (-1 if unknown)
     * @param jdbc           statements and commits meanwhile
     * @param dbBytes        growth of the H2 file meanwhile
     */
    record Result(int count, int accepted, double intakeSeconds, double seconds, long sent, long cpuNanos,
                  JdbcCounts.Snapshot jdbc, long dbBytes) {

        double entriesPerSecond() {
            return sent / seconds;
        }
    }

    private final EventIntake intake;
    private final EngineBenchApplication.NoOpTemplateSender sender;
    private final JdbcCounts counts;
    private final DatabaseFile database;

    EntryPhase(EventIntake intake, EngineBenchApplication.NoOpTemplateSender sender, JdbcCounts counts,
               DatabaseFile database) {
        this.intake = intake;
        this.sender = sender;
        this.counts = counts;
        this.database = database;
    }

    /**
     * @param tag          distinguishes this phase's followers from any other phase's
     * @param stallSeconds no new send for this long ends the wait (the rest is reported missing)
     */
    Result run(String tag, int count, int threads, double stallSeconds) {
        List<ContactEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String openid = "o" + tag + "_" + String.format("%07d", i);
            String scene = String.format("store_%03d", i % 50);
            events.add(new ContactEvent(EngineBenchApplication.TENANT, EngineBenchApplication.APP,
                    "evt:" + openid + ":subscribe:qrscene_" + scene, EventTypes.WECHAT_FOLLOWED,
                    Identity.wechatOpenid(EngineBenchApplication.APP, openid), null, Instant.now(),
                    Map.of("scene", scene, "ticket", "TICKET" + tag + i), null));
        }
        long sentBefore = sender.sent();
        JdbcCounts.Snapshot jdbcBefore = counts.snapshot();
        long bytesBefore = database.size();
        long cpuBefore = CpuTime.processNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && failure.get() == null) {
                    try {
                        if (intake.accept(events.get(i)) instanceof IntakeResult.Accepted) {
                            accepted.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-intake-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            join(worker);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("EventIntake.accept failed", failure.get());
        }
        long intakeDone = System.nanoTime();
        long target = sentBefore + accepted.get();
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (sender.sent() < target) {
            long now = System.nanoTime();
            if (sender.sent() != lastCount) {
                lastCount = sender.sent();
                lastProgress = now;
            } else if (now - lastProgress > stallSeconds * 1e9) {
                System.out.printf("[bench] no welcome for %.0f s; %d of %d sent%n", stallSeconds,
                        sender.sent() - sentBefore, accepted.get());
                break;
            }
            pause(5);
        }
        long done = Math.max(sender.lastSentNanos(), intakeDone);
        long cpuAfter = CpuTime.processNanos();
        return new Result(count, accepted.get(), (intakeDone - started) / 1e9, (done - started) / 1e9,
                sender.sent() - sentBefore, cpuBefore < 0 ? -1 : cpuAfter - cpuBefore,
                counts.snapshot().minus(jdbcBefore), database.size() - bytesBefore);
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

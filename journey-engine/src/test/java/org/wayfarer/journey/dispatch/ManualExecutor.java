package org.wayfarer.journey.dispatch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A send pool whose tasks run only when the test says so, so a test can move the clock between claim and send. */
final class ManualExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.addLast(task);
    }

    synchronized int queued() {
        return tasks.size();
    }

    /** Runs the oldest task (and nothing it queues). */
    void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.pollFirst();
        }
        if (task == null) {
            throw new IllegalStateException("no task queued");
        }
        task.run();
    }

    /** Runs tasks, including those they queue, until none is left. */
    void runAll() {
        while (queued() > 0) {
            runNext();
        }
    }

    /** Forgets the queued tasks, as a node that dies after claiming would. */
    synchronized void drop() {
        tasks.clear();
    }
}

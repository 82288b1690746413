package dev.rustengineer.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests that generate, read archives or read briefs are bounded: at most {@code workers} run at once, at most
 * {@code queue} more wait for a slot (one past that is refused at once), a request waits no longer than its time
 * limit, and one that runs past the limit is answered 503 and interrupted. When the server stops (SIGTERM), the
 * work in flight is interrupted, which stops its processes, and answered 503 too. The counts are read by /metrics
 * and /health/ready.
 */
final class HeavyWork {
    private final String name;
    private final PoolLimits limits;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder refusedFull = new LongAdder();
    private final LongAdder refusedWaiting = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    HeavyWork(String name, PoolLimits limits) {
        this.name = name;
        this.limits = limits;
        this.slots = new Semaphore(limits.workers(), true);
    }

    <T> T run(Callable<T> work) throws Exception {
        long deadline = System.nanoTime() + limits.timeLimit().toNanos();
        acquire();
        try {
            Future<T> f = pool.submit(work);
            try {
                T result = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (stopping) {
                    throw shuttingDown();
                }
                return result;
            } catch (TimeoutException e) {
                f.cancel(true);
                timedOut.increment();
                throw new ApiError(503, "the request took longer than " + limits.timeLimit().toSeconds() + " s and was stopped");
            } catch (ExecutionException e) {
                if (stopping) {
                    throw shuttingDown();
                }
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        } catch (RejectedExecutionException e) {
            throw shuttingDown();
        } finally {
            slots.release();
        }
    }

    /**
     * Takes a worker, waiting in the queue when every one is busy. A zero-timeout tryAcquire honours the semaphore's
     * fairness (the untimed one would jump the queue), so a free worker is taken at once and a waiter keeps its turn.
     */
    private void acquire() throws InterruptedException {
        if (stopping) {
            throw shuttingDown();
        }
        if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            return;
        }
        if (waiting.incrementAndGet() > limits.queue()) {
            waiting.decrementAndGet();
            refusedFull.increment();
            throw busy("every worker is taken and " + limits.queue() + " requests already wait");
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(limits.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            refusedWaiting.increment();
            throw busy("every worker stayed taken for " + limits.timeLimit().toSeconds() + " s");
        }
    }

    /** Interrupts the work in flight (the generators and checks stop their processes on it) and takes no more. */
    void stop() {
        stopping = true;
        pool.shutdownNow();
    }

    String name() {
        return name;
    }

    PoolLimits limits() {
        return limits;
    }

    int active() {
        return limits.workers() - slots.availablePermits();
    }

    int queued() {
        return waiting.get();
    }

    /** Every worker busy and the queue full: the next request would be refused. */
    boolean saturated() {
        return active() >= limits.workers() && queued() >= limits.queue();
    }

    /** Requests refused, by why: the queue was full, or no worker came free within the time limit. */
    Map<String, LongAdder> refused() {
        return Map.of("queue_full", refusedFull, "wait_timeout", refusedWaiting);
    }

    /** Requests whose work ran past the time limit and was interrupted. */
    long timedOut() {
        return timedOut.sum();
    }

    private static ApiError busy(String why) {
        return new ApiError(503, "busy: " + why + "; try again shortly", List.of(), Map.of("Retry-After", "1"));
    }

    private static ApiError shuttingDown() {
        return new ApiError(503, "the server is shutting down; the request was stopped");
    }
}

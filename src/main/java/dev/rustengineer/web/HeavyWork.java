package dev.rustengineer.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests that generate or read archives are bounded: at most {@code workers} run at once, a request waits for a
 * slot no longer than its time limit, and one that runs past the limit is answered 503 and interrupted. When the
 * server stops (SIGTERM), the work in flight is interrupted, which stops its processes, and answered 503 too.
 */
final class HeavyWork {
    private final Semaphore slots;
    private final Duration limit;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    HeavyWork(int workers, Duration limit) {
        this.slots = new Semaphore(workers, true);
        this.limit = limit;
    }

    <T> T run(Callable<T> work) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        if (!slots.tryAcquire(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ApiError(503, "busy: every worker is taken; try again shortly");
        }
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
                throw new ApiError(503, "the request took longer than " + limit.toSeconds() + " s and was stopped");
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

    /** Interrupts the work in flight (the generators and checks stop their processes on it) and takes no more. */
    void stop() {
        stopping = true;
        pool.shutdownNow();
    }

    private static ApiError shuttingDown() {
        return new ApiError(503, "the server is shutting down; the request was stopped");
    }
}

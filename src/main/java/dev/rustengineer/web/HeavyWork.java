package dev.rustengineer.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests that generate or read archives are bounded: at most {@code workers} run at once, a request waits for a
 * slot no longer than its time limit, and one that runs past the limit is answered 503 and interrupted.
 */
final class HeavyWork {
    private final Semaphore slots;
    private final Duration limit;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

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
                return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new ApiError(503, "the request took longer than " + limit.toSeconds() + " s and was stopped");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        } finally {
            slots.release();
        }
    }
}

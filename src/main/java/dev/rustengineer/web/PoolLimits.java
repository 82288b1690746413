package dev.rustengineer.web;

import java.time.Duration;

/**
 * One bounded pool of costly requests.
 *
 * @param workers how many run at once
 * @param queue how many more may wait for a worker; one past that is refused at once (503), and a server whose
 *     workers are all busy with a full queue is not ready ({@code /health/ready})
 * @param timeLimit how long a request may wait plus run before it is answered 503 (and its work interrupted)
 */
public record PoolLimits(int workers, int queue, Duration timeLimit) {
    public PoolLimits {
        if (workers < 1 || queue < 0 || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("a pool needs a worker, a queue of zero or more and a positive time limit");
        }
    }
}

package dev.rustengineer.web;

import java.time.Duration;

/**
 * How serve starts and stops around its requests.
 *
 * @param shutdownGrace how long a stopping server waits for the requests in flight to be answered before it closes
 *     their connections (heavy work is interrupted at once and answered 503, so this is for light requests)
 * @param shutdownDelay how long a stopping server keeps answering, not ready, before it stops taking connections:
 *     the time a load balancer needs to see readiness fail and send no more (0 without one)
 * @param log where requests, failures and the server's own life are written
 */
public record ServeOptions(Duration shutdownGrace, Duration shutdownDelay, ServeLog log) {
    public ServeOptions {
        if (shutdownGrace.isNegative() || shutdownDelay.isNegative()) {
            throw new IllegalArgumentException("shutdown times cannot be negative");
        }
    }

    public static ServeOptions defaults() {
        return new ServeOptions(Duration.ofSeconds(10), Duration.ZERO, new ServeLog.Text());
    }
}

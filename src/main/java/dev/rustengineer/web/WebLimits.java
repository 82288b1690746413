package dev.rustengineer.web;

import java.time.Duration;

/**
 * What one request may cost: body size, time, and how many heavy requests (generation, audit) run at once.
 *
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param requestTimeout how long a heavy request may run before it is answered with 503
 * @param heavyWorkers how many heavy requests run at once; more wait for a slot up to the timeout
 * @param maxArchiveEntries how many entries an uploaded archive may hold (zip bombs)
 * @param maxUnpackedBytes how many bytes an uploaded archive may unpack to (zip bombs)
 */
public record WebLimits(long maxBodyBytes, Duration requestTimeout, int heavyWorkers, int maxArchiveEntries,
        long maxUnpackedBytes) {

    public static WebLimits defaults() {
        return new WebLimits(8L * 1024 * 1024, Duration.ofSeconds(60), 2, 20_000, 256L * 1024 * 1024);
    }
}

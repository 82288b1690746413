package dev.rustengineer.web;

import java.time.Duration;

/**
 * What one request may cost: body size, time, and how many heavy requests (generation, audit) and advice requests
 * run at once.
 *
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param requestTimeout how long a heavy request may run before it is answered with 503
 * @param heavyWorkers how many heavy requests run at once; more wait for a slot up to the timeout
 * @param maxArchiveEntries how many entries an uploaded archive may hold (zip bombs)
 * @param maxUnpackedBytes how many bytes an uploaded archive may unpack to (zip bombs)
 * @param adviseWorkers how many briefs are read at once (reading is CPU work: one per core)
 * @param adviseTimeout how long reading one brief and advising on it may take before a 503
 */
public record WebLimits(long maxBodyBytes, Duration requestTimeout, int heavyWorkers, int maxArchiveEntries,
        long maxUnpackedBytes, int adviseWorkers, Duration adviseTimeout) {

    /** Limits with advice on one worker per core and a 20 s limit (a 64 KiB brief takes about a second). */
    public WebLimits(long maxBodyBytes, Duration requestTimeout, int heavyWorkers, int maxArchiveEntries, long maxUnpackedBytes) {
        this(maxBodyBytes, requestTimeout, heavyWorkers, maxArchiveEntries, maxUnpackedBytes,
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(20));
    }

    public static WebLimits defaults() {
        return new WebLimits(8L * 1024 * 1024, Duration.ofSeconds(60), 2, 20_000, 256L * 1024 * 1024);
    }
}

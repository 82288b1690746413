package dev.rustengineer.web;

import dev.rustengineer.brief.TextBriefReader;
import java.time.Duration;

/**
 * What one request may cost: body and brief size, archive size, and the two bounded pools (generation, audit and
 * handoffs on {@code heavy}; reading briefs on {@code advice}).
 *
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param maxBriefBytes the longest brief text, in UTF-8 bytes (413 beyond it); at most the reader's own 64 KiB
 * @param maxArchiveEntries how many entries an uploaded archive may hold (zip bombs)
 * @param maxUnpackedBytes how many bytes an uploaded archive may unpack to (zip bombs)
 * @param heavy the pool for projects, previews, audits and handoffs
 * @param advice the pool for reading briefs: reading is CPU work, so one worker per core by default
 */
public record WebLimits(long maxBodyBytes, int maxBriefBytes, int maxArchiveEntries, long maxUnpackedBytes,
        PoolLimits heavy, PoolLimits advice) {
    /** How many heavy requests may wait by default: the ten clients of bench/serve-load.sh's project run, with room. */
    public static final int DEFAULT_HEAVY_QUEUE = 16;
    /** How many briefs may wait by default: the fifty clients of bench/serve-load.sh's advice run, with room. */
    public static final int DEFAULT_ADVICE_QUEUE = 64;

    public WebLimits {
        if (maxBodyBytes < 1 || maxBriefBytes < 1 || maxBriefBytes > TextBriefReader.MAX_BYTES || maxArchiveEntries < 1
                || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("limits must be positive, and a brief at most " + TextBriefReader.MAX_BYTES + " bytes");
        }
    }

    /** Limits with the default brief size and advice pool (one worker per core, a 20 s limit: a 64 KiB brief takes about a second). */
    public WebLimits(long maxBodyBytes, Duration requestTimeout, int heavyWorkers, int maxArchiveEntries, long maxUnpackedBytes) {
        this(maxBodyBytes, TextBriefReader.MAX_BYTES, maxArchiveEntries, maxUnpackedBytes,
                new PoolLimits(heavyWorkers, DEFAULT_HEAVY_QUEUE, requestTimeout), defaultAdvice());
    }

    public static PoolLimits defaultAdvice() {
        return new PoolLimits(Runtime.getRuntime().availableProcessors(), DEFAULT_ADVICE_QUEUE, Duration.ofSeconds(20));
    }

    public static WebLimits defaults() {
        return new WebLimits(8L * 1024 * 1024, Duration.ofSeconds(60), 2, 20_000, 256L * 1024 * 1024);
    }

    public WebLimits withAdvice(PoolLimits pool) {
        return new WebLimits(maxBodyBytes, maxBriefBytes, maxArchiveEntries, maxUnpackedBytes, heavy, pool);
    }

    public WebLimits withHeavy(PoolLimits pool) {
        return new WebLimits(maxBodyBytes, maxBriefBytes, maxArchiveEntries, maxUnpackedBytes, pool, advice);
    }
}

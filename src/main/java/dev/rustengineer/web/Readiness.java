package dev.rustengineer.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Whether this replica should get traffic ({@code GET /health/ready}): not while the knowledge and the model are
 * still loading, not while a bounded pool is saturated (its next request would be refused), and not once shutdown
 * began. Liveness ({@code /health/live}) is only the process answering: a replica that is loading or busy is not
 * broken, and restarting it would lose the work.
 */
final class Readiness {
    private final CompletableFuture<?> loading;
    private final List<HeavyWork> pools;
    private final BooleanSupplier stopping;

    Readiness(CompletableFuture<?> loading, List<HeavyWork> pools, BooleanSupplier stopping) {
        this.loading = loading;
        this.pools = pools;
        this.stopping = stopping;
    }

    /** Why the server is not ready, or empty when it is. */
    Optional<String> whyNot() {
        if (stopping.getAsBoolean()) {
            return Optional.of("shutting down");
        }
        if (!loading.isDone()) {
            return Optional.of("starting: the knowledge and the model are still loading");
        }
        if (loading.isCompletedExceptionally() || loading.isCancelled()) {
            return Optional.of("the knowledge failed to load");
        }
        return pools.stream().filter(HeavyWork::saturated).findFirst()
                .map(p -> "the " + p.name() + " pool is saturated: " + p.active() + " running, " + p.queued() + " waiting");
    }

    boolean ready() {
        return whyNot().isEmpty();
    }
}

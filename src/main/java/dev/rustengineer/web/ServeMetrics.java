package dev.rustengineer.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * rust-engineer's own metrics for {@code GET /metrics}, in Prometheus' text format: every request by method, route
 * template and status class with a latency histogram, the bounded pools' workers, queue and refusals, readiness,
 * and the JVM's memory, GC, threads, classes, CPU, file descriptors and uptime (Micrometer's binders).
 *
 * <p>Recorded from Javalin's request logger rather than with javalin-micrometer: that plugin stops at Javalin 6
 * (6.7.0 on Maven Central) and Javalin 7 publishes none; the logger sees every request, 404s and static files too,
 * with the endpoint it matched, which is all the plugin's tagging did.
 */
final class ServeMetrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Bucket bounds around what the routes cost: health and metadata answer in milliseconds, advice in about half a
     * second under load, a project zip in one to four seconds, an audit or handoff with checks up to the time limit.
     */
    private static final Duration[] SLOS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServeMetrics() {
        // Two of ProcessorMetrics' names break Prometheus' naming rules (promtool check metrics says so):
        // process_cpu_time_ns_total (a unit abbreviated, and not seconds) is left out, process_cpu_usage says the
        // same; system_cpu_count (a _count suffix on a gauge) is served as system_cpus.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    void request(RequestRecord r) {
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status class")
                .tag("method", r.method())
                .tag("route", r.route())
                .tag("status", r.statusClass())
                .serviceLevelObjectives(SLOS)
                .register(registry)
                .record((long) (r.millis() * 1_000_000), TimeUnit.NANOSECONDS);
    }

    void pool(HeavyWork pool) {
        String name = pool.name();
        Gauge.builder("rust_engineer.pool.workers", pool, p -> p.limits().workers())
                .description("Workers of the bounded pool").tag("pool", name).register(registry);
        Gauge.builder("rust_engineer.pool.queue.limit", pool, p -> p.limits().queue())
                .description("How many requests may wait for a worker").tag("pool", name).register(registry);
        Gauge.builder("rust_engineer.pool.active", pool, HeavyWork::active)
                .description("Requests running on the pool now").tag("pool", name).register(registry);
        Gauge.builder("rust_engineer.pool.queued", pool, HeavyWork::queued)
                .description("Requests waiting for a worker now").tag("pool", name).register(registry);
        pool.refused().forEach((reason, count) -> FunctionCounter.builder("rust_engineer.pool.rejected", count, c -> c.sum())
                .description("Requests refused with 503: the queue was full, or no worker came free in time")
                .tag("pool", name).tag("reason", reason).register(registry));
        FunctionCounter.builder("rust_engineer.pool.timed.out", pool, HeavyWork::timedOut)
                .description("Requests stopped with 503 for running past the time limit").tag("pool", name).register(registry);
    }

    void readiness(BooleanSupplier ready) {
        // Micrometer holds a gauge's object weakly: nothing else holds this lambda, so without a strong reference it
        // is collected and the gauge reads NaN (as a scrape after a GC showed).
        Gauge.builder("rust_engineer.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 while /health/ready answers 200").strongReference(true).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

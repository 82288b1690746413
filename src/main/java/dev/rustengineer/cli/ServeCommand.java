package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.web.LogFormat;
import dev.rustengineer.web.PoolLimits;
import dev.rustengineer.web.ServeLog;
import dev.rustengineer.web.ServeOptions;
import dev.rustengineer.web.WebLimits;
import dev.rustengineer.web.WebServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve",
        header = "Serve the web page and the REST API.", mixinStandardHelpOptions = true,
        description = {"Serve the web page and the REST API (curl http://HOST:PORT/ prints the API's help), with"
                + " /metrics (Prometheus), /health/live and /health/ready for a deployment. Every option can also be set"
                + " by an environment variable (listed below); durations are ISO-8601 (PT30S), sizes in bytes.",
                "On SIGTERM readiness fails at once and the heavy work in flight is stopped (answered 503, its"
                + " processes killed); after --shutdown-delay the listener closes and light requests get"
                + " --shutdown-grace to finish."})
final class ServeCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-body-bytes", defaultValue = "8388608", description = "Largest request body, 413 beyond (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--max-brief-bytes", defaultValue = "65536", description = "Longest brief text in UTF-8 bytes, at most 65536 (default: ${DEFAULT-VALUE}).")
    int maxBriefBytes;

    @Option(names = "--max-archive-entries", defaultValue = "20000", description = "Most entries in an archive sent to /api/audit (default: ${DEFAULT-VALUE}).")
    int maxArchiveEntries;

    @Option(names = "--max-unpacked-bytes", defaultValue = "268435456", description = "Most bytes such an archive may unpack to (default: ${DEFAULT-VALUE}).")
    long maxUnpackedBytes;

    @Option(names = "--pool-size", defaultValue = "2", description = "Heavy requests (projects, previews, audits, handoffs) run at once (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--pool-queue", defaultValue = "16", description = "Heavy requests that may wait for a worker; more are refused with 503 (default: ${DEFAULT-VALUE}).")
    int poolQueue;

    @Option(names = "--time-limit", defaultValue = "PT60S", description = "Longest a heavy request may wait and run before a 503 (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--advice-pool-size", description = "Briefs read at once (default: one per core).")
    Integer advicePoolSize;

    @Option(names = "--advice-pool-queue", defaultValue = "64", description = "Briefs that may wait for a worker (default: ${DEFAULT-VALUE}).")
    int advicePoolQueue;

    @Option(names = "--advice-time-limit", defaultValue = "PT20S", description = "Longest reading a brief may wait and run (default: ${DEFAULT-VALUE}).")
    Duration adviceTimeLimit;

    @Option(names = "--shutdown-delay", defaultValue = "PT0S", description = "On SIGTERM, how long to go on answering while not ready, for a load balancer to notice (default: ${DEFAULT-VALUE}).")
    Duration shutdownDelay;

    @Option(names = "--shutdown-grace", defaultValue = "PT10S", description = "Then how long requests in flight get to finish (default: ${DEFAULT-VALUE}).")
    Duration shutdownGrace;

    @Option(names = "--log-format", defaultValue = "text", description = "text (warnings and errors) or json (one object per line on stderr, every request with its id) (default: ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    ServeCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    /** The limits the options ask for, checked: a value out of range is a usage error naming its flag and variable. */
    WebLimits limits() {
        require(port >= 0 && port <= 65535, "--port", "between 0 and 65535", port);
        require(maxBodyBytes > 0, "--max-body-bytes", "positive", maxBodyBytes);
        require(maxBriefBytes > 0 && maxBriefBytes <= TextBriefReader.MAX_BYTES, "--max-brief-bytes",
                "between 1 and " + TextBriefReader.MAX_BYTES, maxBriefBytes);
        require(maxArchiveEntries > 0, "--max-archive-entries", "positive", maxArchiveEntries);
        require(maxUnpackedBytes > 0, "--max-unpacked-bytes", "positive", maxUnpackedBytes);
        require(poolSize > 0, "--pool-size", "positive", poolSize);
        require(poolQueue >= 0, "--pool-queue", "zero or more", poolQueue);
        require(positive(timeLimit), "--time-limit", "a positive duration", timeLimit);
        int adviceWorkers = advicePoolSize == null ? WebLimits.defaultAdvice().workers() : advicePoolSize;
        require(adviceWorkers > 0, "--advice-pool-size", "positive", adviceWorkers);
        require(advicePoolQueue >= 0, "--advice-pool-queue", "zero or more", advicePoolQueue);
        require(positive(adviceTimeLimit), "--advice-time-limit", "a positive duration", adviceTimeLimit);
        return new WebLimits(maxBodyBytes, maxBriefBytes, maxArchiveEntries, maxUnpackedBytes,
                new PoolLimits(poolSize, poolQueue, timeLimit), new PoolLimits(adviceWorkers, advicePoolQueue, adviceTimeLimit));
    }

    ServeOptions options(ServeLog log) {
        require(!shutdownDelay.isNegative(), "--shutdown-delay", "zero or more", shutdownDelay);
        require(!shutdownGrace.isNegative(), "--shutdown-grace", "zero or more", shutdownGrace);
        return new ServeOptions(shutdownGrace, shutdownDelay, log);
    }

    @Override
    public Integer call() throws InterruptedException {
        WebLimits limits = limits();
        // A bad value found after the JSON log is installed is still the one plain line: Main prints it on the
        // stderr it was given, underneath the JSON wrapper.
        ServeOptions options = options(ServeLog.install(logFormat));
        var server = new WebServer(facade, limits, options);
        var app = server.listen(host, port);
        String url = "http://" + host + ":" + app.port() + "/";
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before loading ends: a SIGTERM while the knowledge loads stops the server as well.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "serve-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("rust-engineer listening on " + url + " (loading: GET /health/ready answers 200 once ready)");
        out.flush();
        try {
            server.awaitLoaded();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        out.println("rust-engineer serving on " + url);
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private void require(boolean ok, String flag, String rule, Object value) {
        if (!ok) {
            throw new UsageException(EnvDefaults.name(spec.commandLine(), flag) + " must be " + rule + ", not " + value);
        }
    }
}

package dev.rustengineer.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where a project's OpenAPI document comes from: a file it keeps (openapi.json at the root or in docs/), else the
 * running service: cargo builds its binary, it is started on a free loopback port (BIND_ADDR) in a scratch folder,
 * and {@code GET /openapi.json} is read, so the document is exactly what the handlers serve.
 */
final class OpenApiSource {
    static final List<String> FILES = List.of("openapi.json", "docs/openapi.json", "api/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);
    private static final long BUILD_MINUTES = 20;

    /** The document and where it was read from. */
    record Document(JsonNode json, String text, String from) {}

    private OpenApiSource() {}

    /** True when there is a document to get: a kept file, or a service whose source serves /openapi.json. */
    static boolean available(RustProject p) {
        return FILES.stream().anyMatch(p::has) || served(p);
    }

    private static boolean served(RustProject p) {
        return p.sources().entrySet().stream().anyMatch(e -> !e.getKey().startsWith("tests/") && e.getValue().contains("\"/openapi.json\"")
                || e.getValue().contains("[\"openapi.json\"]"));
    }

    static Document get(RustProject p, java.nio.file.Path cargoTargetDir) {
        for (String f : FILES) {
            var text = p.file(f);
            if (text.isPresent()) {
                return new Document(parse(text.get(), f), text.get(), "`" + f + "` in the project");
            }
        }
        return fromRunningService(p, cargoTargetDir);
    }

    private static JsonNode parse(String text, String from) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.has("openapi") || !n.has("paths")) {
                throw new HandoffException(from + " is not an OpenAPI 3 document (no 'openapi' and 'paths')");
            }
            return n;
        } catch (IOException e) {
            throw new HandoffException(from + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Document fromRunningService(RustProject p, Path cargoTargetDir) {
        Path binary = build(p, cargoTargetDir);
        Path scratch;
        int port;
        try {
            scratch = Files.createTempDirectory("rust-engineer-openapi-");
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new HandoffException("cannot prepare a run of the service: " + e.getMessage());
        }
        Process server = null;
        try {
            var pb = new ProcessBuilder(binary.toString()).directory(scratch.toFile()).redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("server.log").toFile());
            pb.environment().put("BIND_ADDR", "127.0.0.1:" + port);
            pb.environment().put("METRICS_ADDR", "off");
            server = ChildProcesses.start(pb);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/openapi.json");
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline && server.isAlive()) {
                try {
                    var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return new Document(parse(response.body(), "GET /openapi.json"), response.body(),
                                "`GET /openapi.json` from the running service (built with cargo)");
                    }
                    throw new HandoffException("GET /openapi.json answered " + response.statusCode());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            String log = Files.readString(scratch.resolve("server.log"));
            throw new HandoffException("the service did not answer GET /openapi.json within " + START.toSeconds() + " s"
                    + (server.isAlive() ? "" : " (it exited: " + last(log) + ")"));
        } catch (IOException e) {
            throw new HandoffException("running " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandoffException("interrupted while reading the OpenAPI document");
        } finally {
            if (server != null) {
                server.destroy();
                try {
                    if (!server.waitFor(10, TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    server.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            deleteQuietly(scratch);
        }
    }

    /** cargo build of the package's binary; its path from cargo's own JSON messages (any CARGO_TARGET_DIR). */
    private static Path build(RustProject p, Path cargoTargetDir) {
        try {
            var pb = new ProcessBuilder("cargo", "build", "--quiet", "--bin", p.name(), "--message-format=json")
                    .directory(p.root().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (cargoTargetDir != null) {
                pb.environment().put("CARGO_TARGET_DIR", cargoTargetDir.toAbsolutePath().toString());
            }
            Process cargo = ChildProcesses.start(pb);
            cargo.getOutputStream().close();
            // Read on another thread so that this one waits interruptibly: a cancelled handoff stops the build.
            var output = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    output.complete(new String(cargo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.complete("");
                }
            });
            boolean done;
            try {
                done = cargo.waitFor(BUILD_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                ProcessTree.stop(cargo.toHandle());
                throw e;
            }
            if (!done) {
                ProcessTree.stop(cargo.toHandle());
                throw new HandoffException("cargo build did not finish in " + BUILD_MINUTES + " min");
            }
            String out = output.join();
            Path exe = null;
            for (String line : out.lines().toList()) {
                if (line.contains("\"executable\":\"")) {
                    JsonNode m = JSON.readTree(line);
                    if (m.path("target").path("name").asText().equals(p.name()) && !m.path("executable").isNull()) {
                        exe = Path.of(m.path("executable").asText());
                    }
                }
            }
            if (cargo.exitValue() != 0 || exe == null) {
                throw new HandoffException("cargo build --bin " + p.name() + " failed in " + p.root() + " (run it there to see why)");
            }
            return exe;
        } catch (IOException e) {
            throw new HandoffException("cargo not found (install Rust with rustup): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandoffException("interrupted while building the service");
        }
    }

    private static String last(String log) {
        var lines = log.strip().lines().toList();
        return lines.isEmpty() ? "no output" : lines.getLast();
    }

    private static void deleteQuietly(Path dir) {
        try {
            ProjectWriter.deleteTree(dir);
        } catch (IOException ignored) {
            // a scratch folder under the temp dir: left for the OS to clean
        }
    }
}

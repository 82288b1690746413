package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the integration tests of generated projects share: `new --verify` through the real launcher, the one
 * cargo target directory, the throwaway PostgreSQL, starting the built binary and talking HTTP to it.
 */
public final class ItSupport {
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TESTS_PASSED = Pattern.compile("test\\s+pass\\s+[0-9.]+s\\s+(\\d+) passed, 0 failed");

    private ItSupport() {}

    /** Every generated build shares one target directory, so each combination compiles only what differs. */
    public static Path cargoTarget() {
        String env = System.getenv("RUST_ENGINEER_CARGO_TARGET");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/rust-engineer/cargo-target");
    }

    /** The built debug binary of a generated package. */
    public static Path binary(String name) {
        return cargoTarget().resolve("debug").resolve(name);
    }

    /** The server URL of the throwaway PostgreSQL (scripts/setup.d/20-postgres.sh starts it when needed). */
    public static String postgresUrl() throws Exception {
        Path env = Path.of("target/postgres.env");
        if (!Files.exists(env)) {
            Process p = new ProcessBuilder("bash", "scripts/setup.d/20-postgres.sh").inheritIO().start();
            assertThat(p.waitFor()).as("starting PostgreSQL").isZero();
        }
        return Files.readString(env).strip().replaceFirst("^DATABASE_URL=", "");
    }

    /** Drops and creates a database on the server and returns its URL. */
    public static String freshPostgresDatabase(String serverUrl, String name) throws Exception {
        for (String sql : List.of("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name)) {
            Process p = new ProcessBuilder("psql", serverUrl, "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }

    /**
     * The database the started binary of a variant runs on: a fresh PostgreSQL database named after the variant
     * when {@code postgresServer} is given, else an SQLite file in {@code dir}.
     */
    public static String runDatabase(Projects.Variant variant, String postgresServer, Path dir) throws Exception {
        return postgresServer != null
                ? freshPostgresDatabase(postgresServer, variant.id().replaceAll("[^a-z0-9]", "_") + "_run")
                : "sqlite://" + dir.resolve("run.db") + "?mode=rwc";
    }

    /** The output of a passing `./rust-engineer new NAME ARGS... --dir DIR --verify`. */
    public record Generated(Path project, String output, int testsPassed) {}

    /**
     * Runs `./rust-engineer new NAME ARGS --dir DIR`, then `./rust-engineer verify DIR/NAME --target-dir SHARED`,
     * through the real launcher and asserts it passed (fmt, clippy -D warnings, build, test all green, at least
     * {@code minTests} tests run) and that cargo left the shipped Cargo.lock as it was: the recorded resolution
     * is the one CI built, so `--locked` builds (the Dockerfile, the generated workflow) accept it.
     * {@code databaseUrl} is given to the generated tests as DATABASE_URL (null: unset, SQLite only).
     */
    public static Generated newAndVerify(String name, List<String> args, Path dir, String databaseUrl, int minTests)
            throws Exception {
        String launcher = Path.of("rust-engineer").toAbsolutePath().toString();
        List<String> generate = new ArrayList<>(List.of(launcher, "new", name));
        generate.addAll(args);
        generate.addAll(List.of("--dir", dir.toString()));
        String generated = launch(generate, null);
        Path project = dir.resolve(name);
        Path lock = project.resolve("Cargo.lock");
        assertThat(lock).as("the shipped Cargo.lock").exists();
        String shipped = Files.readString(lock);
        String out = generated + launch(List.of(launcher, "verify", project.toString(), "--target-dir", cargoTarget().toString()),
                databaseUrl);
        System.out.println(out);
        assertThat(out).contains("PASSED");
        Matcher m = TESTS_PASSED.matcher(out);
        assertThat(m.find()).as("a test line with 0 failed in:%n%s", out).isTrue();
        int passed = Integer.parseInt(m.group(1));
        assertThat(passed).as("tests run").isGreaterThanOrEqualTo(minTests);
        assertThat(Files.readString(lock)).as("cargo changed the shipped Cargo.lock of %s (record the locks again: "
                + "mvn test -Dtest=CargoLockTest -Dlocks.update=true)", name).isEqualTo(shipped);
        return new Generated(project, out, passed);
    }

    private static String launch(List<String> command, String databaseUrl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (databaseUrl != null) {
            pb.environment().put("DATABASE_URL", databaseUrl);
        } else {
            pb.environment().remove("DATABASE_URL");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(40, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s:%n%s", String.join(" ", command), out).isZero();
        return out;
    }

    /** Starts a built binary with the environment given, its output going to {@code log}. */
    public static Process start(Path binary, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().putAll(env);
        return run.start();
    }

    public static HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        return send(method, url, body, Map.of());
    }

    /** One request with extra headers; a body is sent as JSON. */
    public static HttpResponse<String> send(String method, String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return HTTP.send(request(method, url, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One request on a connection of its own, for a body the server refuses without reading it (413, 415): a
     * server may then close the connection (RFC 9112, section 9.6), and the shared client could hand that closing
     * connection to the next request from its pool, where a POST is not retried and fails with "received no
     * bytes". The refusal itself is what is under test, not the reuse of the connection after it.
     */
    public static HttpResponse<String> sendAlone(String method, String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        try (HttpClient alone = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return alone.send(request(method, url, body, headers), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpRequest request(String method, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return b.build();
    }

    /** Waits until {@code url} answers 200, failing at once if the process dies. */
    public static void awaitHttp(String url, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try {
                if (send("GET", url, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not answer " + url + " within 30 s");
    }

    /** Waits until something accepts TCP connections on the port, failing at once if the process dies. */
    public static void awaitPort(int port, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listened on port " + port + " within 30 s");
    }

    /** Sends SIGTERM and asserts a clean exit within 15 s; returns the log. */
    public static String stop(Process service, Path log) throws Exception {
        service.destroy(); // SIGTERM
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("stops within 15 s of SIGTERM").isTrue();
        String text = Files.readString(log);
        assertThat(service.exitValue()).as(text).isZero();
        return text;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What a command printed, stdout and stderr together, and its exit code. */
    public record Run(int code, String out) {}

    /**
     * Runs a command in {@code cwd} with extra environment and stdin from /dev/null; the test fails, showing what
     * it printed, when it does not finish within {@code limit}.
     */
    public static Run run(Path cwd, Map<String, String> env, Duration limit, String... command) throws Exception {
        Path log = Files.createTempFile("it-run", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("%s finishes in %s:%n%s", String.join(" ", command), limit, out).isTrue();
            return new Run(p.exitValue(), out);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The launcher's {@code mcp} spoken to line by line, as a client that misbehaves would: what the SDK's client
 * cannot send (a line that is not JSON) and what it hides (the raw error objects, notifications). The bounds on
 * waiting only keep a broken server from hanging the build; nothing here measures time.
 */
final class RawMcp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
            "clientInfo":{"name":"raw","version":"1"}}}""";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    RawMcp(Path launcher, Path root, Map<String, String> env) throws IOException {
        var pb = new ProcessBuilder(launcher.toString(), "mcp", "--root", root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        process = pb.start();
        in = process.getOutputStream();
        Thread.ofVirtual().start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended; what was read stands
            }
        });
    }

    Process process() {
        return process;
    }

    void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void send(Map<String, Object> message) throws IOException {
        send(JSON.writeValueAsString(message));
    }

    /** Sends initialize and initialized, and returns the initialize result. */
    JsonNode initialize() throws Exception {
        send(INITIALIZE);
        JsonNode result = reply(1);
        send(INITIALIZED);
        return result;
    }

    JsonNode next() throws InterruptedException, IOException {
        String line = lines.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line from the server in " + PATIENCE);
        }
        return JSON.readTree(line);
    }

    /** The next message that matches, skipping the others (log or progress notifications). */
    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException, IOException {
        while (true) {
            JsonNode m = next();
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    JsonNode reply(int id) throws InterruptedException, IOException {
        return next(m -> m.path("id").isInt() && m.get("id").asInt() == id);
    }

    void closeInput() throws IOException {
        in.close();
    }

    /** The exit code once stdin is closed. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit in " + PATIENCE + " after stdin closed");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

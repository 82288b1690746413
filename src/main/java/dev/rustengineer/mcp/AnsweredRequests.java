package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests passed to the SDK and not answered yet, seen on stdout as the SDK writes its replies. Why: once its
 * input ends the SDK drops whatever it has not written, so `(echo request) | rust-engineer mcp` would lose the
 * answer; {@link StdinGuard} waits here for the answers before it tells the SDK that input ended.
 */
final class AnsweredRequests extends FilterOutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    AnsweredRequests(OutputStream out) {
        super(out);
    }

    void asked(JsonNode id) {
        pending.add(id.toString());
    }

    /** Waits until every request passed on has its reply on stdout, or patience runs out. */
    void awaitAnswers(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            answered(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                answered(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b[i]);
            }
        }
    }

    private void answered(String json) {
        try {
            JsonNode m = JSON.readTree(json);
            if (m.has("id") && (m.has("result") || m.has("error"))) {
                pending.remove(m.get("id").toString());
            }
        } catch (IOException e) {
            // not ours to judge: stdout carries what the SDK wrote
        }
    }
}

package dev.rustengineer.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Reads the real stdin before the SDK does, one line at a time, and passes on only what the SDK can take.
 *
 * <p>Why: the SDK's {@code StdioServerTransportProvider} (checked in 2.1.0 and 2.2.0) stops reading stdin for good
 * at the first line it cannot turn into a JSON-RPC message, without a reply, so one bad line made the server deaf
 * and, with nobody reading stdin any more, unable to see it close. JSON-RPC 2.0 asks for a -32700 reply (id null)
 * to a line that is not JSON and -32600 to JSON that is not a request, notification or response; this class sends
 * those itself and keeps serving.
 *
 * <p>It also sees what the SDK does not handle: {@code notifications/cancelled} (the SDK has no handler), a
 * {@code tools/call} of a tool that does not exist (the SDK answers "Unknown tool: invalid_tool_name" whatever the
 * name), and the end of input, on which the calls in flight are stopped with their processes before the SDK is
 * told that input ended.
 */
final class StdinGuard {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long stopping the calls in flight may take once stdin closes (killing a process tree is quick). */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final InputStream in;
    private final AnsweredRequests out;
    private final LineQueue toSdk = new LineQueue();
    private final InFlight inFlight;
    private final Set<String> tools;
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * @param out the stream the SDK writes to: replies from here are written under its lock, as the SDK's are, so
     *     lines never interleave
     */
    StdinGuard(InputStream in, OutputStream out, InFlight inFlight, Set<String> tools) {
        this.in = in;
        this.out = new AnsweredRequests(out);
        this.inFlight = inFlight;
        this.tools = Set.copyOf(tools);
    }

    /** What the SDK writes to instead of stdout: the same stream, watched for replies. */
    OutputStream sdkOutput() {
        return out;
    }

    /** What the SDK reads instead of stdin. */
    InputStream sdkInput() {
        return toSdk;
    }

    void start() {
        Thread.ofPlatform().daemon().name("mcp-stdin").start(this::pump);
    }

    /** Waits until stdin has closed and the calls in flight have stopped. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void pump() {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    route(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // stdin is gone: the same as its end
        } finally {
            inFlight.cancelAll(STOP_PATIENCE);
            out.awaitAnswers(STOP_PATIENCE);
            toSdk.end();
            ended.countDown();
        }
    }

    void route(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            reply(JsonRpcError.of(null, -32700, "Parse error: the line is not JSON (" + e.getOriginalMessage() + ")"));
            return;
        }
        JsonNode id = message.get("id");
        if (!isMessage(message)) {
            reply(JsonRpcError.of(validId(id) ? id : null, -32600,
                    "Invalid Request: expected a JSON-RPC 2.0 object with \"jsonrpc\":\"2.0\" and a method, or a response"));
            return;
        }
        String method = message.path("method").asText("");
        if (method.equals("notifications/cancelled")) {
            inFlight.cancel(message.path("params").path("requestId").toString());
            return;
        }
        if (method.equals("tools/call") && id != null) {
            String name = message.path("params").path("name").asText("");
            if (!tools.contains(name)) {
                reply(JsonRpcError.of(id, -32602, "Unknown tool '" + name + "': the tools are " + String.join(", ",
                        tools.stream().sorted().toList())));
                return;
            }
            out.asked(id);
            toSdk.offer(withRequestId((ObjectNode) message, id).toString());
            return;
        }
        if (id != null && message.has("method")) {
            out.asked(id);
        }
        toSdk.offer(line);
    }

    /** What the SDK can deserialise without giving up: an object with jsonrpc 2.0 and a method, a result or an error. */
    private static boolean isMessage(JsonNode m) {
        if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").asText(null))) {
            return false;
        }
        if (m.has("method")) {
            return m.get("method").isTextual() && (!m.has("id") || validId(m.get("id")))
                    && (!m.has("params") || m.get("params").isObject());
        }
        return validId(m.get("id")) && (m.has("result") || m.get("error") != null && m.get("error").isObject());
    }

    private static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }

    /**
     * The request id, in the call's {@code _meta}, is how a tool's handler finds itself in {@link InFlight}: the SDK
     * hands handlers the params but not the id a cancellation names.
     */
    private static ObjectNode withRequestId(ObjectNode message, JsonNode id) {
        ObjectNode params = message.path("params").isObject() ? (ObjectNode) message.get("params") : message.putObject("params");
        ObjectNode meta = params.path("_meta").isObject() ? (ObjectNode) params.get("_meta") : params.putObject("_meta");
        meta.set(InFlight.REQUEST_ID, JsonNodeFactory.instance.textNode(id.toString()));
        return message;
    }

    private void reply(JsonRpcError error) {
        byte[] bytes = (error.json() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the client is gone; its stdin closing ends the server
            }
        }
    }
}

package dev.rustengineer.mcp;

import dev.rustengineer.UsageException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a tool's work on its own thread with a time limit and turns failures into honest {@code isError} results
 * that name the tool: bad arguments say what to fix; a timeout says how long it ran; a cancellation says so;
 * nothing escapes as a protocol error. The thread is registered in {@link InFlight} so a cancellation or the
 * closing of stdin can interrupt it.
 */
final class ToolCall {
    private final InFlight inFlight;
    private final Duration limit;

    ToolCall(InFlight inFlight, Duration limit) {
        this.inFlight = inFlight;
        this.limit = limit;
    }

    CallToolResult run(String tool, String requestId, Supplier<CallToolResult> work) {
        CompletableFuture<CallToolResult> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("tool-" + tool).unstarted(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        InFlight.Call call = new InFlight.Call(worker);
        inFlight.started(requestId, call);
        worker.start();
        try {
            CallToolResult r = result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return call.cancelled().get() ? cancelled(tool) : r;
        } catch (TimeoutException e) {
            worker.interrupt();
            join(worker);
            return error(tool, "timed out after " + limit.toSeconds() + " s; its processes were stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (call.cancelled().get()) {
                return cancelled(tool);
            }
            if (cause instanceof UsageException || cause instanceof IllegalArgumentException) {
                return error(tool, "bad arguments: " + cause.getMessage());
            }
            return error(tool, "internal error: " + cause);
        } catch (InterruptedException e) {
            worker.interrupt();
            join(worker);
            Thread.currentThread().interrupt();
            return cancelled(tool);
        } finally {
            inFlight.finished(requestId, call);
        }
    }

    private static CallToolResult cancelled(String tool) {
        return error(tool, "cancelled; its processes were stopped");
    }

    /** Waits for the work to stop its processes: a timed-out verify must not leave cargo running behind the answer. */
    private static void join(Thread worker) {
        try {
            worker.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static CallToolResult error(String tool, String message) {
        return CallToolResult.builder().isError(true).addTextContent(tool + ": " + message).build();
    }
}

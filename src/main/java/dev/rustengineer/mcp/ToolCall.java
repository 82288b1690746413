package dev.rustengineer.mcp;

import dev.rustengineer.UsageException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a tool's work with a time limit and turns failures into honest {@code isError} results: bad arguments say
 * what to fix; a timeout says how long it ran; nothing escapes as a protocol error.
 */
final class ToolCall {
    private static final ExecutorService POOL = Executors.newVirtualThreadPerTaskExecutor();

    private ToolCall() {}

    static CallToolResult run(Duration limit, Supplier<CallToolResult> work) {
        Future<CallToolResult> f = POOL.submit(work::get);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return error("timed out after " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UsageException || cause instanceof IllegalArgumentException) {
                return error("bad arguments: " + cause.getMessage());
            }
            return error("internal error: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("interrupted");
        }
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().isError(true).addTextContent(message).build();
    }
}

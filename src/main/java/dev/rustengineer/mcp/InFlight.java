package dev.rustengineer.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tool calls running now, by JSON-RPC request id, so that {@code notifications/cancelled} and the closing of
 * stdin can stop them. Stopping is an interrupt of the call's thread: verify and the handoff checks answer it by
 * killing cargo's (or bash's) whole process tree before they return.
 */
final class InFlight {
    /** The key under which {@link StdinGuard} puts a tools/call's request id into its {@code _meta}. */
    static final String REQUEST_ID = "dev.rustengineer/request-id";

    /** One running call: its thread, and whether it was asked to stop (the thread's own flag is gone once it ends). */
    record Call(Thread thread, AtomicBoolean cancelled) {
        Call(Thread thread) {
            this(thread, new AtomicBoolean());
        }

        void cancel() {
            cancelled.set(true);
            thread.interrupt();
        }
    }

    private final Map<String, Call> byId = new ConcurrentHashMap<>();
    private final Map<Call, Boolean> all = new ConcurrentHashMap<>();

    void started(String requestId, Call call) {
        all.put(call, true);
        if (requestId != null) {
            byId.put(requestId, call);
        }
    }

    void finished(String requestId, Call call) {
        all.remove(call);
        if (requestId != null) {
            byId.remove(requestId, call);
        }
    }

    /** @return whether a call with that id was running */
    boolean cancel(String requestId) {
        Call c = byId.remove(requestId);
        if (c == null) {
            return false;
        }
        c.cancel();
        return true;
    }

    /** Stops every call and waits for each to end, so that no cargo outlives the server. */
    void cancelAll(Duration patience) {
        List<Call> running = List.copyOf(all.keySet());
        running.forEach(Call::cancel);
        long deadline = System.nanoTime() + patience.toNanos();
        for (Call c : running) {
            try {
                c.thread().join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

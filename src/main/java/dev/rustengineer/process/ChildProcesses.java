package dev.rustengineer.process;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every long-running child process rust-engineer starts (cargo, rustfmt, the handoff checks' bash, a service run
 * to read its OpenAPI document) is started here, so that one shutdown hook stops each one's whole tree when the JVM
 * ends on SIGINT or SIGTERM. Without it, cargo and the rustc jobs, build scripts or test binaries under it go on
 * running, re-parented to init, after {@code verify}, {@code serve} or {@code mcp} has exited.
 *
 * <p>Stopping on a signal is the JVM's shutdown; stopping one call (a time limit, an MCP cancellation) stays with
 * the code that started the process, through {@link ProcessTree#stop}.
 */
public final class ChildProcesses {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-child-processes"));
    }

    private ChildProcesses() {}

    /**
     * Starts the process, as the leader of its own process group (so that {@link ProcessTree#stop} finds what it
     * started even after its parent died), and keeps it on the list until it exits.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.command(ProcessGroup.leading(builder.command())).start();
        RUNNING.add(p);
        p.onExit().thenRun(() -> RUNNING.remove(p));
        if (stopping) {
            // Started while the hook was already sweeping: it may not have seen this one.
            ProcessTree.stop(p.toHandle());
        }
        return p;
    }

    /** The trees are stopped side by side: the JVM waits for its hooks, and one slow exit should not hold up the rest. */
    private static void stopAll() {
        stopping = true;
        List<Thread> stoppers = RUNNING.stream()
                .map(p -> Thread.ofVirtual().start(() -> ProcessTree.stop(p.toHandle())))
                .toList();
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

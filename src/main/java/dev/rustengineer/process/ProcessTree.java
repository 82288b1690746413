package dev.rustengineer.process;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started (cargo, its rustc and build-script jobs, the test binaries). */
public final class ProcessTree {
    private static final int SWEEPS = 3;

    private ProcessTree() {}

    /**
     * Kills the descendants while the root is still alive: once cargo is gone its children are re-parented to init
     * and can no longer be found from here. A few sweeps catch a job cargo started while the previous one ran; a
     * cargo that saw its job killed starts no new one.
     */
    public static void stop(ProcessHandle root) {
        boolean group = ProcessGroup.leads(root);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            List<ProcessHandle> alive = root.descendants().filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty()) {
                break;
            }
            if (!killAndPause(alive)) {
                break;
            }
        }
        root.destroyForcibly();
        if (group) {
            stopGroup(root.pid());
        }
        try {
            root.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process stuck in the kernel is all that could still be waiting here.
        }
    }

    /**
     * What the sweeps above could miss: a job started after the last sweep, or one whose parent died first, is
     * re-parented to init but stays in the group. With its leader dead nothing in the group can start from a
     * process we have not signalled, so this ends once the group is empty.
     */
    private static void stopGroup(long group) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ProcessHandle> left;
        while (!(left = ProcessGroup.members(group)).isEmpty() && System.nanoTime() < deadline) {
            if (!killAndPause(left)) {
                return;
            }
        }
    }

    /** SIGKILL to each, then a moment for the kernel and their parents; false when this thread was interrupted. */
    private static boolean killAndPause(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

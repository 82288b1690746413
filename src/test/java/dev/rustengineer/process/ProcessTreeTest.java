package dev.rustengineer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping a tree stops the grandchildren too, which Process.destroy alone would leave running. */
class ProcessTreeTest {
    @Test
    void stopsTheRootAndEveryDescendant() throws Exception {
        // sh -> (sh -> sleep) and sh -> sleep: two levels below the root, like cargo -> rustc / test binary.
        Process root = new ProcessBuilder("sh", "-c", "sh -c 'sleep 300' & sleep 300 & wait").start();
        List<ProcessHandle> tree = List.of();
        for (int i = 0; i < 100 && tree.size() < 3; i++) {
            Thread.sleep(20);
            tree = root.descendants().toList();
        }
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);

        ProcessTree.stop(root.toHandle());

        assertThat(root.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
            assertThat(h.isAlive()).as("pid %d", h.pid()).isFalse();
        }
    }

    /**
     * A job whose parent died before the stop (cargo killed first, its test binary left to init) is no longer a
     * descendant of anything we hold; its process group still names it.
     */
    @Test
    void stopsAnOrphanOfAProcessItStarted() throws Exception {
        Process root = ChildProcesses.start(new ProcessBuilder("sh", "-c", "(sleep 301 & echo $!) ; sleep 300"));
        long orphan = Long.parseLong(root.inputReader().readLine().strip());
        ProcessHandle handle = ProcessHandle.of(orphan).orElseThrow();
        // The subshell prints the pid before it exits: the sleep is re-parented only once it has (a loaded CI
        // machine showed it still a descendant right after the read). Wait for that, up to ten seconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (root.descendants().anyMatch(handle::equals) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(root.descendants()).as("re-parented away from the root").doesNotContain(handle);

        ProcessTree.stop(root.toHandle());

        handle.onExit().completeOnTimeout(handle, 10, TimeUnit.SECONDS).join();
        assertThat(handle.isAlive()).isFalse();
    }

    @Test
    void aProgramThatDoesNotExistStillFailsToStart() {
        assertThatThrownBy(() -> ChildProcesses.start(new ProcessBuilder("no-such-program-here", "x")))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-program-here");
    }
}

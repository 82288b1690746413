package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.verify.CargoFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM on {@code verify} through the real launcher: the JVM's shutdown stops cargo and the
 * test binary it runs, whatever signal dispositions the test run itself was started with.
 *
 * <p>A shell that starts a job in the background without job control ({@code nohup mvn verify &},
 * {@code scripts/test-all.sh &} from a script) sets SIGINT to "ignore" for it, every process below inherits that,
 * and the JVM then installs no SIGINT handler at all. So the launcher is started here with the default disposition
 * ({@code env --default-signal=INT}, coreutils 9), which is what an interactive user's Ctrl-C meets.
 */
class VerifyInterruptIT {
    private static final String ENV = "/usr/bin/env";
    /** What a background job of a non-interactive shell inherits. */
    private static final List<String> IGNORING_SIGINT = List.of(ENV, "--ignore-signal=INT");
    /** What a terminal gives a foreground command. */
    private static final List<String> DEFAULT_SIGINT = List.of(ENV, "--default-signal=INT");

    @TempDir
    static Path dir;
    private static Path project;
    private static String target;

    @BeforeAll
    static void buildTheFixture() throws Exception {
        project = CargoFixtures.project(dir, "sigint_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn sleeps() {
                        std::thread::sleep(std::time::Duration::from_secs(300));
                    }
                }
                """);
        target = dir.resolve("target").toString();
        Process build = launch(DEFAULT_SIGINT, "verify", project.toString(), "--steps", "build", "--target-dir", target);
        build.getInputStream().transferTo(new ByteArrayOutputStream());
        assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
    }

    private static Process launch(List<String> wrapper, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of("rust-engineer").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        return p;
    }

    /** `verify --steps test` until cargo runs the sleeping test, with the tree noted while it lives. */
    private record Running(Process verify, Map<ProcessHandle, String> tree, ByteArrayOutputStream output) implements AutoCloseable {
        static Running start(List<String> wrapper) throws Exception {
            Process verify = launch(wrapper, "verify", project.toString(), "--steps", "test", "--target-dir", target);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread.ofVirtual().start(() -> {
                try {
                    verify.getInputStream().transferTo(output);
                } catch (IOException e) {
                    // The process ended.
                }
            });
            Running r = new Running(verify, new ConcurrentHashMap<>(), output);
            // The env wrappers exec, so the process started is the JVM itself and cargo is its child. Only cargo's
            // tree is watched: the launcher may have left its AOT recording running beside it, which is not ours.
            for (int i = 0; i < 600 && r.tree.values().stream().noneMatch(c -> c.contains("sigint_fixture-")); i++) {
                Thread.sleep(100);
                verify.children().filter(h -> h.info().commandLine().orElse("").contains("cargo test")).forEach(cargo -> {
                    r.tree.put(cargo, cargo.info().commandLine().orElse("?"));
                    cargo.descendants().forEach(h -> r.tree.put(h, h.info().commandLine().orElse("?")));
                });
            }
            assertThat(r.tree.values()).as("cargo and the test binary running").anySatisfy(c -> assertThat(c).contains("cargo test"))
                    .anySatisfy(c -> assertThat(c).contains("sigint_fixture-"));
            return r;
        }

        void signal(String name) throws Exception {
            new ProcessBuilder("kill", "-" + name, Long.toString(verify.pid())).start().waitFor();
        }

        /** The exit code, once the JVM has ended; and then nothing of cargo's tree may still run. */
        int stopped() throws Exception {
            assertThat(verify.waitFor(60, TimeUnit.SECONDS)).as(output.toString(StandardCharsets.UTF_8)).isTrue();
            tree.forEach((h, command) -> {
                h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
                assertThat(h.isAlive()).as("%d %s left running", h.pid(), command).isFalse();
            });
            return verify.exitValue();
        }

        @Override
        public void close() {
            tree.keySet().forEach(ProcessHandle::destroyForcibly);
            verify.destroyForcibly();
        }
    }

    @Test
    void sigintStopsTheWholeCargoTree() throws Exception {
        try (Running r = Running.start(DEFAULT_SIGINT)) {
            r.signal("INT");
            assertThat(r.stopped()).isEqualTo(130);
        }
    }

    @Test
    void sigtermStopsTheWholeCargoTree() throws Exception {
        try (Running r = Running.start(DEFAULT_SIGINT)) {
            r.signal("TERM");
            assertThat(r.stopped()).isEqualTo(143);
        }
    }

    /** The case: the test run started in the background, SIGINT ignored above us; the launcher resets it. */
    @Test
    void sigintStillWorksWhenTheRunItselfIgnoresIt() throws Exception {
        List<String> backgroundThenDefault = new ArrayList<>(IGNORING_SIGINT);
        backgroundThenDefault.addAll(DEFAULT_SIGINT);
        try (Running r = Running.start(backgroundThenDefault)) {
            r.signal("INT");
            assertThat(r.stopped()).isEqualTo(130);
        }
    }

    /**
     * Why the launches above reset SIGINT: a JVM that inherits it ignored keeps ignoring it, and verify goes on. A
     * supervisor's SIGTERM still stops it, tree and all.
     */
    @Test
    void aJvmThatInheritsSigintIgnoredStillStopsOnSigterm() throws Exception {
        try (Running r = Running.start(IGNORING_SIGINT)) {
            r.signal("INT");
            assertThat(r.verify().waitFor(3, TimeUnit.SECONDS)).as("SIGINT was ignored, as inherited").isFalse();
            assertThat(r.tree().entrySet()).filteredOn(e -> e.getValue().contains("sigint_fixture-"))
                    .isNotEmpty().allMatch(e -> e.getKey().isAlive());
            r.signal("TERM");
            assertThat(r.stopped()).isEqualTo(143);
        }
    }
}

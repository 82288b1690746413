package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.verify.CargoFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on `verify` through the real launcher: the JVM's shutdown hook stops cargo and the test it runs. */
class VerifyInterruptIT {

    private static Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of("rust-engineer").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    void sigintStopsTheWholeCargoTree(@TempDir Path dir) throws Exception {
        Path project = CargoFixtures.project(dir, "sigint_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn sleeps() {
                        std::thread::sleep(std::time::Duration::from_secs(300));
                    }
                }
                """);
        String target = dir.resolve("target").toString();
        Process build = launch("verify", project.toString(), "--steps", "build", "--target-dir", target);
        build.getInputStream().transferTo(new ByteArrayOutputStream());
        assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();

        Process verify = launch("verify", project.toString(), "--steps", "test", "--target-dir", target);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread.ofVirtual().start(() -> {
            try {
                verify.getInputStream().transferTo(output);
            } catch (IOException e) {
                // The process ended.
            }
        });
        Map<ProcessHandle, String> tree = new ConcurrentHashMap<>();
        try {
            // Wait until cargo runs the test binary, then note the whole tree with its command lines while it lives.
            for (int i = 0; i < 600 && tree.values().stream().noneMatch(c -> c.contains("sigint_fixture-")); i++) {
                Thread.sleep(100);
                verify.descendants().forEach(h -> tree.put(h, h.info().commandLine().orElse("?")));
            }
            assertThat(tree.values()).as("cargo and the test binary running").anySatisfy(c -> assertThat(c).contains("cargo test"))
                    .anySatisfy(c -> assertThat(c).contains("sigint_fixture-"));

            // Ctrl-C reaches the JVM as SIGINT; only the JVM gets it here, so the tree stops because of the hook.
            new ProcessBuilder("kill", "-INT", Long.toString(verify.pid())).start().waitFor();
            assertThat(verify.waitFor(60, TimeUnit.SECONDS)).as(output.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(verify.exitValue()).isEqualTo(130);
            tree.forEach((h, command) -> {
                h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
                assertThat(h.isAlive()).as("%d %s left running", h.pid(), command).isFalse();
            });
        } finally {
            tree.keySet().forEach(ProcessHandle::destroyForcibly);
            verify.destroyForcibly();
        }
    }
}

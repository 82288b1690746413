package dev.rustengineer.generate;

import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Formats the generated Rust files with rustfmt, under the project's own rustfmt.toml. Templates hold names of
 * any length (the resource, the crate), so line breaks can only be right after the names are known; rustfmt
 * decides them exactly as `cargo fmt --check` will later.
 */
public final class RustFormatter {

    /** @return null when formatted, else why not (rustfmt missing or failing), for the user to see */
    public String format(Path projectDir) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(projectDir)) {
            walk.filter(p -> p.toString().endsWith(".rs")).sorted().forEach(p -> files.add(projectDir.relativize(p).toString()));
        } catch (IOException e) {
            return "cannot list the generated files: " + e.getMessage();
        }
        if (files.isEmpty()) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of("rustfmt", "--edition", "2024"));
        command.addAll(files);
        try {
            Process p = ChildProcesses.start(new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true));
            p.getOutputStream().close();
            // Read on another thread so that this one waits interruptibly: a web request past its time limit stops rustfmt.
            var out = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.complete("(output lost: " + e.getMessage() + ")");
                }
            });
            boolean done;
            try {
                done = p.waitFor(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                ProcessTree.stop(p.toHandle());
                throw e;
            }
            if (!done) {
                ProcessTree.stop(p.toHandle());
                return "rustfmt did not finish in 120 s";
            }
            return p.exitValue() == 0 ? null : "rustfmt failed: " + out.join().strip();
        } catch (IOException e) {
            return "rustfmt not found (install Rust with rustup); run `cargo fmt` in the project";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while formatting";
        }
    }
}

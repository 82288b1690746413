package dev.rustengineer.cli;

import dev.rustengineer.brief.Embedder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run for the distribution's Java AOT cache (JEP 483/514): scripts/dist.sh starts this class with
 * -XX:AOTCacheOutput, so the classes that advise, new and audit load and link are recorded in one run and every
 * later start maps them. It drives the real CLI in-process, the way a user's commands would, and fails loudly
 * when one of them does, so a broken distribution is not shipped with a cache of its failure.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("rust-engineer-aot-");
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            Path project = work.resolve("orders");
            List<List<String>> commands = List.of(
                    List.of("--version"),
                    List.of("advise", "--json", "A REST API for payments; p99 under 5 ms; data in PostgreSQL"),
                    List.of("advise", "A nightly cron job that deletes old docker images on the build box"),
                    List.of("new", "orders", "--brief", "REST API for orders, p99 under 5 ms", "--dir", project.toString()),
                    List.of("new", "grep-lite", "--kind", "cli", "--zip", work.resolve("cli.zip").toString()),
                    List.of("audit", project.toString(), "--format", "sarif"),
                    List.of("knowledge"));
            for (List<String> command : commands) {
                int code = Main.run(command.toArray(String[]::new), quiet, System.err);
                if (code != ExitCode.OK) {
                    System.err.println("rust-engineer: AOT training: '" + String.join(" ", command) + "' exited " + code);
                    System.exit(code);
                }
            }
        } finally {
            Embedder.shared().settle();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ExitCode.OK);
    }
}

package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash (and zsh, through bashcompinit) completion script for the command line as Main builds it, for the
 * distribution (scripts/dist.sh). picocli's own AutoComplete main cannot be used: it instantiates the root command
 * alone, and our subcommands are added in {@link Main#commandLine}.
 */
public final class Completion {
    private Completion() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Completion OUTPUT_FILE");
            System.exit(ExitCode.USAGE);
        }
        PrintWriter sink = new PrintWriter(PrintWriter.nullWriter());
        String script = AutoComplete.bash("rust-engineer", Main.commandLine(RustEngineer::shared, sink, sink));
        Files.writeString(Path.of(args[0]), script, StandardCharsets.UTF_8);
    }
}

package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.mcp.McpServerRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mcp",
        header = "Serve the Model Context Protocol over stdio for AI coding agents.", mixinStandardHelpOptions = true,
        description = "Serve the Model Context Protocol over stdio for AI coding agents (only protocol on stdout).")
final class McpCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Option(names = "--time-limit", defaultValue = "PT10M", description = "Longest a tool call may run, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--root", defaultValue = ".", description = "new_project and verify work only inside this directory (default: the current one).")
    Path root;

    McpCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() throws InterruptedException {
        new McpServerRunner(facade.get(), timeLimit, root).serve(System.in, System.out);
        return ExitCode.OK;
    }
}

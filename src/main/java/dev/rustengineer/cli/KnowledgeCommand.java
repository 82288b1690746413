package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

@Command(name = "knowledge", mixinStandardHelpOptions = true, description = "Print the loaded trees, tables, triggers and patterns.")
final class KnowledgeCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    KnowledgeCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        return ExitCode.OK;
    }
}

package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

@Command(name = "advise", mixinStandardHelpOptions = true, description = "Decide whether Rust fits a brief, and how.")
final class AdviseCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    AdviseCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        return ExitCode.OK;
    }
}

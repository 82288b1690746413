package dev.rustengineer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "rust-engineer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The Rust Engineer: decides whether Rust fits a task and how, generates and verifies Rust projects, audits Rust code.",
        subcommandsRepeatable = false)
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}

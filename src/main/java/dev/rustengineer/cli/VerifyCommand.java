package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.verify.ConsoleProgress;
import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.ReportJson;
import dev.rustengineer.verify.ReportText;
import dev.rustengineer.verify.VerificationReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        header = "Prove a Rust project with real cargo: fmt, clippy -D warnings, build and test.", mixinStandardHelpOptions = true,
        description = {"Prove a Rust project with real cargo: fmt --check, clippy --all-targets -D warnings, build, test.",
            "Exit 0 when every step passes, 1 when one fails, 2 when the input is wrong."})
final class VerifyCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The cargo project's directory.")
    Path project;

    @Option(names = "--json", description = "Print a JSON report (diagnostics as records) instead of text; progress goes to stderr.")
    boolean json;

    @Mixin
    VerifyOptionsMixin verifyOptions;

    VerifyCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var options = verifyOptions.options();
        // With --json, stdout carries the report alone; progress goes to stderr as plain lines, as cargo does.
        ProgressListener progress = json ? new ConsoleProgress(spec.commandLine().getErr(), false)
                : new ConsoleProgress(out, VerifyOptionsMixin.terminal());
        VerificationReport report = facade.get().verify(project, options, progress);
        out.print(json ? ReportJson.toJson(report).toPrettyString() + System.lineSeparator() : ReportText.render(report));
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}

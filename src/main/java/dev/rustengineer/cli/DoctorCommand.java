package dev.rustengineer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.doctor.Doctor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The MCP server's `doctor` tool as a command: which of the tools rust-engineer drives are on this machine. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Check the tools rust-engineer drives (cargo, clippy, rustfmt, targets, protoc, psql, gcc) and say how to get what is missing.",
        description = {"Runs each tool's version command. Exit 0 when all are found, 1 when one is missing (the missing ones "
                + "are listed first, each with what needs it and how to install it)."})
final class DoctorCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // The checks need no knowledge, so the command does not wait for the facade to load it.
        Doctor.Report r = new Doctor().run();
        var out = spec.commandLine().getOut();
        out.println(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r) : r.text());
        out.flush();
        return r.missing().isEmpty() ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}

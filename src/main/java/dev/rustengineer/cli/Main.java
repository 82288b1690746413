package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Embedder;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} takes its streams and returns the exit code so tests drive the CLI in-process;
 * only {@link #main} calls {@code System.exit}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        Embedder.shared().settle();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, RustEngineer::shared);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<RustEngineer> facade) {
        return run(args, out, err, facade, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Supplier<RustEngineer> facade, Map<String, String> env) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = commandLine(facade, outWriter, errWriter, env);
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    static CommandLine commandLine(Supplier<RustEngineer> facade, PrintWriter out, PrintWriter err) {
        return commandLine(facade, out, err, System.getenv());
    }

    /** The command line with {@code env} as the environment serve's and mcp's options read (tests pass their own). */
    static CommandLine commandLine(Supplier<RustEngineer> facade, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(facade));
        // One subcommand class per command, registered here in the order `--help` lists them.
        cli.addSubcommand(BriefFlags.addTo(new CommandLine(AdviseCommand.class, new CommandFactory(facade))));
        cli.addSubcommand(new CommandLine(KnowledgeCommand.class, new CommandFactory(facade)));
        cli.addSubcommand(new CommandLine(CatalogueCommand.class, new CommandFactory(facade)));
        cli.addSubcommand(new CommandLine(EvaluateCommand.class, new CommandFactory(facade)));
        CommandLine generate = new CommandLine(NewCommand.class, new CommandFactory(facade));
        NewCommand.addOffersSection(generate, facade);
        cli.addSubcommand(generate);
        cli.addSubcommand(new CommandLine(UpgradeCommand.class, new CommandFactory(facade)));
        cli.addSubcommand(new CommandLine(VerifyCommand.class, new CommandFactory(facade)));
        cli.addSubcommand(new CommandLine(AuditCommand.class, new CommandFactory(facade)));
        cli.addSubcommand(new CommandLine(HandoffCommand.class, new CommandFactory(facade)));
        // What a deployment sets instead of flags: RUST_ENGINEER_PORT for serve's --port, RUST_ENGINEER_MCP_ROOT for mcp's --root.
        cli.addSubcommand(EnvDefaults.addTo(new CommandLine(ServeCommand.class, new CommandFactory(facade)), "RUST_ENGINEER_", env));
        cli.addSubcommand(EnvDefaults.addTo(new CommandLine(McpCommand.class, new CommandFactory(facade)), "RUST_ENGINEER_MCP_", env));
        cli.addSubcommand(new CommandLine(DoctorCommand.class, new CommandFactory(facade)));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::onParameterError);
        cli.setExecutionExceptionHandler(Main::onExecutionError);
        return cli;
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String variable = EnvDefaults.source(e, args).map(v -> v + " (from the environment): ").orElse("");
        err.println("rust-engineer: " + variable + oneLine(e.getMessage()));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitCode.USAGE;
    }

    private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UsageException) {
            err.println("rust-engineer: " + oneLine(e.getMessage()));
            return ExitCode.USAGE;
        }
        err.println("rust-engineer: internal error: " + oneLine(String.valueOf(e)));
        if (System.getenv("RUST_ENGINEER_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set RUST_ENGINEER_DEBUG=1 to see the stack trace.");
        }
        return ExitCode.INTERNAL;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

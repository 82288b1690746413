package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Embedder;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        startLoading(args);
        int code = run(args, System.out, System.err);
        Embedder.shared().settle();
        System.exit(code);
    }

    /**
     * A cold `advise` is mostly loading: the command line (picocli reads every annotation of the command), the
     * knowledge and templates, the trained reader and the embedding model. The last three need nothing from the
     * command line, so they start on threads of their own before it is built, and the command finds them loaded or
     * waits for the rest. A load that fails here is left for the command, which asks again and reports it.
     */
    private static void startLoading(String[] args) {
        List<String> words = List.of(args);
        if (words.isEmpty() || !words.getFirst().equals("advise") || words.contains("--help") || words.contains("-h")) {
            return;
        }
        Embedder.shared().preload();
        Thread.ofPlatform().daemon().name("reader").start(() -> {
            try {
                RustEngineer.shared().textReader().model();
            } catch (RuntimeException failed) {
                // Reported by the command, which loads it again.
            }
        });
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
        CommandLine cli = commandLine(facade, outWriter, errWriter, env, needed(args));
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
        return commandLine(facade, out, err, env, SUBCOMMANDS);
    }

    /** Every subcommand, in the order `--help` lists them; each is built by {@link #subcommand}. */
    static final List<String> SUBCOMMANDS = List.of("advise", "knowledge", "catalogue", "evaluate", "new", "upgrade",
            "verify", "audit", "handoff", "serve", "mcp", "doctor");

    /**
     * The subcommands these arguments can run: the one they name, none for a lone --version, else all (--help lists
     * them, and a mistyped name is answered with the nearest ones). Picocli reads a command's annotations and builds
     * its model when the command is added; the eleven a cold `advise` never ran were a third of its command line.
     */
    static List<String> needed(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        return args.length > 0 && SUBCOMMANDS.contains(args[0]) ? List.of(args[0]) : SUBCOMMANDS;
    }

    static CommandLine commandLine(Supplier<RustEngineer> facade, PrintWriter out, PrintWriter err, Map<String, String> env,
            List<String> subcommands) {
        CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(facade));
        for (String name : subcommands) {
            cli.addSubcommand(subcommand(name, facade, env));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::onParameterError);
        cli.setExecutionExceptionHandler(Main::onExecutionError);
        return cli;
    }

    private static CommandLine subcommand(String name, Supplier<RustEngineer> facade, Map<String, String> env) {
        CommandFactory factory = new CommandFactory(facade);
        return switch (name) {
            case "advise" -> BriefFlags.addTo(new CommandLine(AdviseCommand.class, factory));
            case "knowledge" -> new CommandLine(KnowledgeCommand.class, factory);
            case "catalogue" -> new CommandLine(CatalogueCommand.class, factory);
            case "evaluate" -> new CommandLine(EvaluateCommand.class, factory);
            case "new" -> {
                CommandLine generate = new CommandLine(NewCommand.class, factory);
                NewCommand.addOffersSection(generate, facade);
                yield generate;
            }
            case "upgrade" -> new CommandLine(UpgradeCommand.class, factory);
            case "verify" -> new CommandLine(VerifyCommand.class, factory);
            case "audit" -> new CommandLine(AuditCommand.class, factory);
            case "handoff" -> new CommandLine(HandoffCommand.class, factory);
            // What a deployment sets instead of flags: RUST_ENGINEER_PORT for serve's --port, RUST_ENGINEER_MCP_ROOT for mcp's --root.
            case "serve" -> EnvDefaults.addTo(new CommandLine(ServeCommand.class, factory), "RUST_ENGINEER_", env);
            case "mcp" -> EnvDefaults.addTo(new CommandLine(McpCommand.class, factory), "RUST_ENGINEER_MCP_", env);
            case "doctor" -> new CommandLine(DoctorCommand.class, factory);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
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

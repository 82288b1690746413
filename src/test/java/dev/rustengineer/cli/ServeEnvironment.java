package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.web.LogFormat;
import dev.rustengineer.web.ServeLog;
import dev.rustengineer.web.ServeOptions;
import dev.rustengineer.web.WebLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * serve's environment as its own command line reads it, for tests outside this package (the deployment files):
 * the variables come from {@link EnvDefaults} over serve's options, as ServeConfigTest takes them, and a setting is
 * parsed and checked by {@link ServeCommand} itself, so a chart cannot pass a name or a value serve would not take.
 */
public final class ServeEnvironment {
    private static final Supplier<RustEngineer> UNUSED = () -> {
        throw new AssertionError("the facade was asked for");
    };

    /** What serve would run with. */
    public record Settings(String host, int port, WebLimits limits, ServeOptions options, LogFormat logFormat) {}

    private ServeEnvironment() {}

    /** Every RUST_ENGINEER_* variable serve reads, one per option. */
    public static List<String> variables() {
        return EnvDefaults.variables(root(Map.of()).getSubcommands().get("serve"));
    }

    /**
     * The settings serve takes from {@code env} with no flags; a value it refuses throws what serve would print
     * (picocli's ParameterException or a UsageException naming the flag and the variable).
     */
    public static Settings read(Map<String, String> env) {
        var root = root(env);
        root.parseArgs("serve");
        ServeCommand serve = root.getSubcommands().get("serve").getCommand();
        return new Settings(serve.host, serve.port, serve.limits(), serve.options(new ServeLog.Text()), serve.logFormat);
    }

    private static CommandLine root(Map<String, String> env) {
        var sink = new PrintWriter(new StringWriter());
        return Main.commandLine(UNUSED, sink, sink, env);
    }
}

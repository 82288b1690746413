package dev.rustengineer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Environment variables as the defaults of a command's options, so a container or a Helm chart configures
 * {@code serve} and {@code mcp} without a command line: every option {@code --some-flag} reads
 * {@code PREFIX + SOME_FLAG}. A flag on the command line wins (picocli asks for a default only for an option the
 * command line left out); an empty variable counts as unset. The variables are listed in the command's help,
 * generated from its options so the list cannot fall behind.
 */
final class EnvDefaults implements IDefaultValueProvider {
    private static final String SECTION = "environment";

    private final String prefix;
    private final Map<String, String> env;

    private EnvDefaults(String prefix, Map<String, String> env) {
        this.prefix = prefix;
        this.env = env;
    }

    /** Sets the defaults provider on {@code cmd} and adds an "Environment" section to its help. */
    static CommandLine addTo(CommandLine cmd, String prefix, Map<String, String> env) {
        EnvDefaults defaults = new EnvDefaults(prefix, env);
        cmd.setDefaultValueProvider(defaults);
        var sections = new ArrayList<>(cmd.getHelpSectionKeys());
        sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, SECTION);
        cmd.getHelpSectionMap().put(SECTION, help -> defaults.section(cmd));
        cmd.setHelpSectionKeys(sections);
        return cmd;
    }

    /** The variable an option reads: {@code --pool-size} under RUST_ENGINEER_ is RUST_ENGINEER_POOL_SIZE. */
    String variable(OptionSpec option) {
        return prefix + option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** How a message names an option: {@code --port (or RUST_ENGINEER_PORT)}, so either place can be fixed. */
    static String name(CommandLine cmd, String flag) {
        OptionSpec o = cmd.getCommandSpec().findOption(flag);
        return cmd.getDefaultValueProvider() instanceof EnvDefaults d && o != null
                ? flag + " (or " + d.variable(o) + ")" : flag;
    }

    /** The options that read a variable: every one but --help and --version. */
    static List<OptionSpec> configurable(CommandLine cmd) {
        return cmd.getCommandSpec().options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
    }

    /** Every variable the command reads, in the order of its options. */
    static List<String> variables(CommandLine cmd) {
        return cmd.getDefaultValueProvider() instanceof EnvDefaults d
                ? configurable(cmd).stream().map(d::variable).toList() : List.of();
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp()) {
            String value = env.get(variable(option));
            return value == null || value.isBlank() ? null : value;
        }
        return null;
    }

    /**
     * The variable a refused value came from, when it came from one: picocli's message names the flag, which the
     * user did not type.
     */
    static Optional<String> source(CommandLine.ParameterException e, String[] args) {
        if (e.getCommandLine().getDefaultValueProvider() instanceof EnvDefaults d && e.getArgSpec() instanceof OptionSpec o
                && e.getValue() != null && e.getValue().equals(d.defaultValue(o)) && !given(o, args)) {
            return Optional.of(d.variable(o));
        }
        return Optional.empty();
    }

    private static boolean given(OptionSpec o, String[] args) {
        for (String arg : args) {
            for (String name : o.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private String section(CommandLine cmd) {
        var options = configurable(cmd);
        int width = options.stream().mapToInt(o -> variable(o).length()).max().orElse(0);
        var rows = options.stream().map(o -> ("  %-" + width + "s  %s").formatted(variable(o), o.longestName())).toList();
        return "%nEnvironment (a flag on the command line wins; an empty variable is unset):%n".formatted()
                + String.join(System.lineSeparator(), rows) + System.lineSeparator();
    }
}

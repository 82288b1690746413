package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.web.LogFormat;
import dev.rustengineer.web.PoolLimits;
import dev.rustengineer.web.ServeLog;
import dev.rustengineer.web.WebLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * serve's and mcp's configuration: flags, environment variables (a flag wins), the defaults, one line and exit 2 for
 * a bad value from either place, and every variable in the help and in docs/serve.md.
 */
class ServeConfigTest {
    /** No test here may load anything: a configuration is refused before the server starts. */
    private static final Supplier<RustEngineer> UNUSED = () -> {
        throw new AssertionError("the facade was asked for");
    };

    private static ServeCommand parse(Map<String, String> env, String... args) {
        var sink = new PrintWriter(new StringWriter());
        var cli = Main.commandLine(UNUSED, sink, sink, env);
        cli.parseArgs(args);
        return cli.getSubcommands().get("serve").getCommand();
    }

    record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                UNUSED, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withNothingSetTheLimitsAreTheServersDefaults() {
        ServeCommand serve = parse(Map.of(), "serve");
        WebLimits defaults = WebLimits.defaults();
        assertThat(serve.limits()).isEqualTo(defaults);
        assertThat(serve.host).isEqualTo("127.0.0.1");
        assertThat(serve.port).isEqualTo(8080);
        var options = serve.options(new ServeLog.Text());
        assertThat(options.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.shutdownDelay()).isZero();
        assertThat(serve.logFormat).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void environmentVariablesSetEveryOptionAndFlagsWin() {
        Map<String, String> env = Map.ofEntries(Map.entry("RUST_ENGINEER_HOST", "0.0.0.0"), Map.entry("RUST_ENGINEER_PORT", "9000"),
                Map.entry("RUST_ENGINEER_MAX_BODY_BYTES", "1000"), Map.entry("RUST_ENGINEER_MAX_BRIEF_BYTES", "500"),
                Map.entry("RUST_ENGINEER_MAX_ARCHIVE_ENTRIES", "7"), Map.entry("RUST_ENGINEER_MAX_UNPACKED_BYTES", "9999"),
                Map.entry("RUST_ENGINEER_POOL_SIZE", "3"), Map.entry("RUST_ENGINEER_POOL_QUEUE", "4"),
                Map.entry("RUST_ENGINEER_TIME_LIMIT", "PT30S"), Map.entry("RUST_ENGINEER_ADVICE_POOL_SIZE", "5"),
                Map.entry("RUST_ENGINEER_ADVICE_POOL_QUEUE", "6"), Map.entry("RUST_ENGINEER_ADVICE_TIME_LIMIT", "PT5S"),
                Map.entry("RUST_ENGINEER_SHUTDOWN_DELAY", "PT3S"), Map.entry("RUST_ENGINEER_SHUTDOWN_GRACE", "PT25S"),
                Map.entry("RUST_ENGINEER_LOG_FORMAT", "json"));
        ServeCommand fromEnv = parse(env, "serve");
        assertThat(fromEnv.host).isEqualTo("0.0.0.0");
        assertThat(fromEnv.port).isEqualTo(9000);
        assertThat(fromEnv.limits()).isEqualTo(new WebLimits(1000, 500, 7, 9999, new PoolLimits(3, 4, Duration.ofSeconds(30)),
                new PoolLimits(5, 6, Duration.ofSeconds(5))));
        var options = fromEnv.options(new ServeLog.Text());
        assertThat(options.shutdownDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
        assertThat(fromEnv.logFormat).isEqualTo(LogFormat.JSON);

        ServeCommand flagged = parse(env, "serve", "--port", "7000", "--pool-size=1", "--log-format", "text", "--time-limit", "PT2M");
        assertThat(flagged.port).isEqualTo(7000);
        assertThat(flagged.limits().heavy()).isEqualTo(new PoolLimits(1, 4, Duration.ofMinutes(2)));
        assertThat(flagged.logFormat).isEqualTo(LogFormat.TEXT);
        assertThat(flagged.host).as("what no flag sets still comes from the environment").isEqualTo("0.0.0.0");
    }

    @Test
    void anEmptyVariableIsUnset() {
        assertThat(parse(Map.of("RUST_ENGINEER_PORT", "", "RUST_ENGINEER_POOL_SIZE", " "), "serve").limits().heavy().workers())
                .isEqualTo(WebLimits.defaults().heavy().workers());
    }

    @Test
    void mcpReadsItsOwnVariables() {
        var sink = new PrintWriter(new StringWriter());
        var cli = Main.commandLine(UNUSED, sink, sink, Map.of("RUST_ENGINEER_MCP_ROOT", "/srv/work", "RUST_ENGINEER_MCP_TIME_LIMIT", "PT1M",
                "RUST_ENGINEER_ROOT", "/wrong"));
        cli.parseArgs("mcp");
        McpCommand mcp = cli.getSubcommands().get("mcp").getCommand();
        assertThat(mcp.root).isEqualTo(Path.of("/srv/work"));
        assertThat(mcp.timeLimit).isEqualTo(Duration.ofMinutes(1));
        cli.parseArgs("mcp", "--root", "/flag");
        assertThat(((McpCommand) cli.getSubcommands().get("mcp").getCommand()).root).isEqualTo(Path.of("/flag"));
    }

    @Test
    void aBadValueIsOneLineNamingWhereItCameFromAndExitTwo() {
        Run notANumber = run(Map.of("RUST_ENGINEER_PORT", "eighty"), "serve");
        assertThat(notANumber.code()).isEqualTo(ExitCode.USAGE);
        assertThat(notANumber.err().lines().findFirst().orElseThrow())
                .startsWith("rust-engineer: RUST_ENGINEER_PORT (from the environment): ").contains("'eighty'");

        Run outOfRange = run(Map.of("RUST_ENGINEER_POOL_SIZE", "0"), "serve");
        assertThat(outOfRange.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outOfRange.err()).isEqualTo("rust-engineer: --pool-size (or RUST_ENGINEER_POOL_SIZE) must be positive, not 0\n");

        Run flag = run(Map.of(), "serve", "--port", "70000");
        assertThat(flag.code()).isEqualTo(ExitCode.USAGE);
        assertThat(flag.err()).isEqualTo("rust-engineer: --port (or RUST_ENGINEER_PORT) must be between 0 and 65535, not 70000\n");

        Run brief = run(Map.of("RUST_ENGINEER_MAX_BRIEF_BYTES", "100000"), "serve");
        assertThat(brief.code()).isEqualTo(ExitCode.USAGE);
        assertThat(brief.err()).contains("between 1 and 65536");

        Run format = run(Map.of(), "serve", "--log-format", "xml");
        assertThat(format.code()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err().lines().findFirst().orElseThrow()).startsWith("rust-engineer: ").contains("xml")
                .doesNotContain("environment");

        Run duration = run(Map.of("RUST_ENGINEER_SHUTDOWN_GRACE", "10 seconds"), "serve");
        assertThat(duration.code()).isEqualTo(ExitCode.USAGE);
        assertThat(duration.err()).startsWith("rust-engineer: RUST_ENGINEER_SHUTDOWN_GRACE (from the environment): ");

        // A flag wins even over a variable that would not parse.
        ServeCommand overridden = parse(Map.of("RUST_ENGINEER_PORT", "eighty"), "serve", "--port", "81");
        assertThat(overridden.port).isEqualTo(81);
    }

    @Test
    void theHelpAndTheDocsListEveryVariable() throws Exception {
        String docs = Files.readString(Path.of("docs/serve.md"));
        for (String command : new String[] {"serve", "mcp"}) {
            var sink = new PrintWriter(new StringWriter());
            var cli = Main.commandLine(UNUSED, sink, sink, Map.of()).getSubcommands().get(command);
            var variables = EnvDefaults.variables(cli);
            assertThat(variables).isNotEmpty();
            String help = run(Map.of(), command, "--help").out();
            for (String v : variables) {
                assertThat(help).as(command + " --help").contains(v);
                assertThat(docs).as("docs/serve.md").contains("`" + v + "`");
            }
        }
    }
}

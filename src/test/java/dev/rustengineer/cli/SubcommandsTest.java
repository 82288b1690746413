package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The command line builds only the subcommand its arguments name; what a user sees stays the same. */
class SubcommandsTest {
    private static final Supplier<RustEngineer> UNUSED = () -> {
        throw new AssertionError("the facade was asked for");
    };

    private static List<String> built(String... args) {
        var sink = new PrintWriter(new StringWriter());
        return List.copyOf(Main.commandLine(UNUSED, sink, sink, Map.of(), Main.needed(args)).getSubcommands().keySet());
    }

    private static String out(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        // `new --help` lists what the templates offer, so the facade is a real one.
        Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                RustEngineer::shared, Map.of());
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySubcommandIsBuiltUnderTheNameItIsListedBy() {
        assertThat(built("--help")).containsExactlyElementsOf(Main.SUBCOMMANDS);
        for (String name : Main.SUBCOMMANDS) {
            assertThat(built(name, "--help")).containsExactly(name);
        }
    }

    @Test
    void aWordThatNamesNoSubcommandGetsThemAll() {
        assertThat(built()).containsExactlyElementsOf(Main.SUBCOMMANDS);
        assertThat(built("advice", "a REST API")).containsExactlyElementsOf(Main.SUBCOMMANDS);
        assertThat(built("--version")).isEmpty();
        assertThat(out("advice")).contains("Unmatched argument at index 0: 'advice'");
    }

    @Test
    void aSubcommandsHelpIsTheSameBuiltAloneOrWithTheOthers() {
        var sink = new PrintWriter(new StringWriter());
        for (String name : Main.SUBCOMMANDS) {
            String together = Main.commandLine(RustEngineer::shared, sink, sink, Map.of()).getSubcommands().get(name).getUsageMessage();
            assertThat(out(name, "--help")).as(name).isEqualTo(together);
        }
    }
}

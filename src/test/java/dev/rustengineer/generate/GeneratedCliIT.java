package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.blueprint.ProjectKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line tool end to end, for every CLI template set offered: `./rust-engineer new NAME --kind cli
 * --verify` through the real launcher (fmt, clippy -D warnings, build, test with cargo), then the built binary
 * (from the shared CARGO_TARGET_DIR's debug/ folder) run as a user runs it: --help, --version, `count` and `find`
 * on a small tree with a .gitignore (with no path and stdin not a pipe: the current directory), a usage error (exit
 * 2), nothing found (exit 1), a broken config file (one line as `NAME: ...`, exit 2 as grep and rg), NO_COLOR
 * against CLICOLOR_FORCE and --color, a completion script.
 * `-Dit.sets=cli-tool` runs only that set, as in {@link GeneratedServiceIT}.
 */
class GeneratedCliIT {
    private static final String ESC = "\u001b[";

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.CLI).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyAndRun(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String name = variant.name();
        ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 30);

        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve(".gitignore"), "*.log\n");
        Files.writeString(work.resolve("a.txt"), "hello world\nsecond line\n");
        Files.writeString(work.resolve("debug.log"), "hello from the log\n");
        Path config = Files.writeString(dir.resolve("config.toml"), "");
        Tool tool = new Tool(ItSupport.binary(name), work,
                Map.of(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_CONFIG", config.toString()));

        Run help = tool.run("--help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("count", "find", "config", "completions", "Exit status: 0 success");
        assertThat(tool.run("--version").out()).isEqualTo(name + " 0.1.0\n");

        Run count = tool.run("count", "a.txt");
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out()).isEqualTo(" 2  4 24 a.txt\n");
        Run find = tool.run("find", "hello", ".");
        assertThat(find.code()).as(find.err()).isZero();
        assertThat(find.out()).as("debug.log is in .gitignore").isEqualTo("./a.txt:1:hello world\n");
        Run here = tool.run("find", "hello");
        assertThat(here.out()).as("stdin is /dev/null, not a pipe: the current directory").isEqualTo("a.txt:1:hello world\n");
        assertThat(tool.run("find", "no such words", ".").code()).as("nothing found").isEqualTo(1);

        Run usage = tool.run("frobnicate");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("unrecognized subcommand");
        assertThat(tool.run("find", "(unclosed").code()).as("an invalid regex is a usage error").isEqualTo(2);

        Files.writeString(config, "hidden = \"yes\"\n");
        Run broken = tool.run("count", "a.txt");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).startsWith(name + ": invalid config file ").contains("line 1, column 10")
                .doesNotContain("panicked").hasLineCount(1);
        Files.writeString(config, "");

        // stdout is a pipe here: no colors. CLICOLOR_FORCE stands in for a terminal; NO_COLOR beats it; the flag
        // beats both.
        assertThat(tool.run("find", "world", "a.txt").out()).doesNotContain(ESC);
        assertThat(tool.with("CLICOLOR_FORCE", "1").run("find", "world", "a.txt").out()).contains(ESC);
        assertThat(tool.with("CLICOLOR_FORCE", "1").with("NO_COLOR", "1").run("find", "world", "a.txt").out())
                .isEqualTo("a.txt:1:hello world\n");
        assertThat(tool.with("NO_COLOR", "1").run("--color", "always", "find", "world", "a.txt").out()).contains(ESC);

        Run completions = tool.run("completions", "bash");
        assertThat(completions.code()).isZero();
        assertThat(completions.out()).contains("complete -F").contains(name);
    }

    record Run(int code, String out, String err) {}

    /** The built binary with a fixed working directory and environment (no colour variables unless added). */
    record Tool(Path binary, Path cwd, Map<String, String> env) {
        Tool with(String key, String value) {
            Map<String, String> e = new java.util.HashMap<>(env);
            e.put(key, value);
            return new Tool(binary, cwd, Map.copyOf(e));
        }

        Run run(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(cwd.getParent(), "out", ".txt");
            Path err = Files.createTempFile(cwd.getParent(), "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                            Path.of("/dev/null").toFile()));
            pb.environment().keySet().removeAll(List.of("NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"));
            pb.environment().putAll(env);
            Process p = pb.start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}

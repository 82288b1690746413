package dev.rustengineer.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one cargo step printed, read as it arrives: compiler and clippy messages from cargo's JSON, rustfmt's
 * "Diff in FILE:LINE:" lines, the test harness's text, and cargo saying that a subcommand is not installed.
 * Both of the process's streams feed it, each from its own thread, so every method is synchronized.
 */
final class CargoOutput {
    private static final Pattern FMT_DIFF = Pattern.compile("^Diff in (.+?):(\\d+):\\s*$");
    private static final Pattern LOCATION = Pattern.compile("^\\s*--> (.+?):(\\d+):(\\d+)$");
    private static final Pattern NO_SUCH_COMMAND = Pattern.compile("no such command: `(\\w+)`|'cargo-(\\w+)' is not installed");

    private final Path project;
    private final CompilerMessages compiler = new CompilerMessages();
    private final TestOutput tests = new TestOutput();
    private final List<Diagnostic> unformatted = new ArrayList<>();
    private final List<Diagnostic> cargoErrors = new ArrayList<>();
    private String missingCommand;

    CargoOutput(Path project) {
        this.project = project;
    }

    synchronized void stdout(String line) {
        if (compiler.line(line) || tests.line(line)) {
            return;
        }
        Matcher m = FMT_DIFF.matcher(line);
        if (m.matches()) {
            unformatted.add(new Diagnostic(relative(m.group(1)), Integer.parseInt(m.group(2)), 1, "error", "fmt",
                    "not formatted as rustfmt would (cargo fmt fixes it)"));
        }
    }

    synchronized void stderr(String line) {
        Matcher m = NO_SUCH_COMMAND.matcher(line);
        if (m.find()) {
            missingCommand = m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (line.startsWith("error: ")) {
            cargoErrors.add(new Diagnostic(null, 0, 0, "error", null, line.substring("error: ".length()).strip()));
            return;
        }
        m = LOCATION.matcher(line);
        if (m.matches() && !cargoErrors.isEmpty() && cargoErrors.getLast().file() == null) {
            // rustfmt reports a file it cannot parse in rustc's text form: "error: ..." then " --> file:line:col".
            Diagnostic d = cargoErrors.removeLast();
            cargoErrors.add(new Diagnostic(relative(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    d.level(), d.code(), d.message()));
        }
    }

    /** The cargo subcommand (clippy, fmt) that cargo said is not installed, or null. */
    synchronized String missingCommand() {
        return missingCommand;
    }

    /**
     * The step's diagnostics. Cargo's own "error:" lines join them only when {@code failed} and nothing else says
     * why (a broken manifest, rustfmt unable to parse, a test binary killed by a signal), so a failure is never mute.
     */
    synchronized List<Diagnostic> diagnostics(boolean failed) {
        List<Diagnostic> all = new ArrayList<>(unformatted);
        all.addAll(compiler.diagnostics());
        all.addAll(tests.diagnostics());
        if (failed && all.stream().noneMatch(d -> d.level().equals("error"))) {
            all.addAll(cargoErrors);
        }
        return all;
    }

    synchronized TestCounts testCounts() {
        return tests.counts();
    }

    synchronized String summary(VerifyStep step, int exitCode) {
        boolean passed = exitCode == 0;
        List<Diagnostic> all = diagnostics(false);
        long errors = all.stream().filter(d -> d.level().equals("error")).count();
        long warnings = all.stream().filter(d -> d.level().equals("warning")).count();
        TestCounts counts = tests.counts();
        if (!passed && errors == 0 && counts == null) {
            return cargoErrors.isEmpty() ? "cargo exited with " + exitCode + " without saying why"
                    : "cargo: " + cargoErrors.getFirst().message();
        }
        return switch (step) {
            case FMT -> passed ? "formatted" : unformatted.size() + " place(s) not formatted";
            case TEST -> counts != null
                    ? counts.passed() + " passed, " + counts.failed() + " failed"
                            + (counts.ignored() > 0 ? ", " + counts.ignored() + " ignored" : "")
                    : errors + " error(s), " + warnings + " warning(s); no tests ran";
            case CLIPPY, BUILD -> errors + " error(s), " + warnings + " warning(s)";
        };
    }

    /** rustfmt names files by absolute path, rustc relative to the workspace: report the project's files alike. */
    private String relative(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() && p.startsWith(project) ? project.relativize(p).toString() : file;
    }
}

package dev.rustengineer.cli;

import dev.rustengineer.UsageException;
import dev.rustengineer.verify.VerifyOptions;
import dev.rustengineer.verify.VerifyStep;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options `verify` and `new --verify` share. */
final class VerifyOptionsMixin {
    @Option(names = "--steps", defaultValue = "fmt,clippy,build,test", paramLabel = "LIST",
            description = "Which cargo steps to run (default: ${DEFAULT-VALUE}).")
    String steps;

    @Option(names = "--timeout", defaultValue = "20m", paramLabel = "DURATION",
            description = "Time limit per step, e.g. 90s, 20m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--target-dir", paramLabel = "DIR",
            description = "A shared CARGO_TARGET_DIR (default: the environment's, else the project's own).")
    Path targetDir;

    VerifyOptions options() {
        Path target = targetDir;
        if (target == null && System.getenv("CARGO_TARGET_DIR") != null) {
            target = Path.of(System.getenv("CARGO_TARGET_DIR"));
        }
        return new VerifyOptions(VerifyStep.parse(steps), duration(timeout), target);
    }

    /** "90s", "20m", "1h", "500ms" or ISO-8601 ("PT20M"); positive. */
    static Duration duration(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            var m = Pattern.compile("(\\d{1,9})(ms|s|m|h)").matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                d = Duration.parse(raw.strip());
            }
        } catch (DateTimeParseException e) {
            d = null;
        }
        if (d == null || d.isZero() || d.isNegative()) {
            throw new UsageException("--timeout '" + raw + "' is not a duration; write e.g. 90s, 20m or PT20M");
        }
        return d;
    }

    static boolean terminal() {
        var console = System.console();
        return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }
}

package dev.rustengineer.verify;

import dev.rustengineer.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The cargo steps of a verification, in the order they run. */
public enum VerifyStep {
    FMT(List.of("fmt", "--all", "--", "--check")),
    CLIPPY(List.of("clippy", "--all-targets", "--message-format=json", "--", "-D", "warnings")),
    BUILD(List.of("build", "--all-targets", "--message-format=json")),
    TEST(List.of("test", "--message-format=json"));

    private final List<String> cargoArgs;

    VerifyStep(List<String> cargoArgs) {
        this.cargoArgs = cargoArgs;
    }

    public List<String> cargoArgs() {
        return cargoArgs;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "fmt,clippy,build,test" (any subset, run in the canonical order). */
    public static List<VerifyStep> parse(String csv) {
        List<VerifyStep> steps = new ArrayList<>();
        for (String raw : csv.split(",")) {
            String s = raw.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            VerifyStep step = Arrays.stream(values()).filter(v -> v.cliName().equals(s)).findFirst()
                    .orElseThrow(() -> new UsageException("unknown step '" + raw.strip() + "'; steps are fmt, clippy, build, test"));
            if (!steps.contains(step)) {
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            throw new UsageException("no steps given; steps are fmt, clippy, build, test");
        }
        steps.sort(null);
        return List.copyOf(steps);
    }
}

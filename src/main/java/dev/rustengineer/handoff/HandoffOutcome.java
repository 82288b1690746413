package dev.rustengineer.handoff;

import java.nio.file.Path;
import java.util.List;

/** The end of a handoff: a package written (and checked), or what the project lacks for it. */
public sealed interface HandoffOutcome {
    String specialist();

    record Written(String specialist, Path location, List<String> files, List<CheckResult> checks) implements HandoffOutcome {
        public Written {
            files = List.copyOf(files);
            checks = List.copyOf(checks);
        }

        public boolean checksPassed() {
            return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAILED);
        }
    }

    /** @param missing one line per part: what is missing and how to add it */
    record Lacking(String specialist, Path project, List<String> missing) implements HandoffOutcome {
        public Lacking {
            missing = List.copyOf(missing);
        }
    }
}

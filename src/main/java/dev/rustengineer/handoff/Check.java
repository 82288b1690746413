package dev.rustengineer.handoff;

import java.util.Map;

/**
 * One check of a package by the receiving specialist's own tool, as a shell line run in the package's folder.
 *
 * @param tool the program the line needs (looked up on PATH and where scripts/setup.d installs it)
 * @param script the bash line, also shown in HANDOFF.md for the specialist to run
 * @param skipReason when non-null the check is not run here, for this reason (e.g. no PostgreSQL given)
 * @param env variables the line reads (a database URL), passed to it but never written into the package
 */
public record Check(String name, String tool, String script, String skipReason, Map<String, String> env) {
    public Check {
        env = Map.copyOf(env);
    }

    public Check(String name, String tool, String script) {
        this(name, tool, script, null, Map.of());
    }
}

package dev.rustengineer.generate;

import dev.rustengineer.Version;
import org.semver4j.Semver;

/**
 * The version of rust-engineer that generates: written into every project's record and compared by `upgrade`.
 * It is {@link Version#current()}, the one version every door reports; this is the one method the generator reads
 * it through, with the ordering `upgrade` needs.
 */
public final class GeneratorVersion {
    private GeneratorVersion() {}

    public static String current() {
        return Version.current();
    }

    /** Orders two versions as SemVer does (1.10.0 after 1.9.2; 0.2.0-SNAPSHOT before 0.2.0). */
    public static int compare(String a, String b) {
        return Semver.parse(a).compareTo(Semver.parse(b));
    }

    /** Whether {@code v} is a SemVer version such as 0.1.0 or 0.2.0-SNAPSHOT. */
    public static boolean isVersion(String v) {
        return v != null && Semver.isValid(v);
    }
}

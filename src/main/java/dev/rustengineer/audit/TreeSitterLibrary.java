package dev.rustengineer.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the tree-sitter native libraries before the first parser loads them: the optimised build that
 * {@code scripts/setup.d/55-tree-sitter-release.sh} makes, when it is installed for the binding's versions, else the
 * ones bundled in the Maven artifacts (compiled without optimisation: the release build parses about 2.5 times
 * faster with identical trees, BENCHMARKS.md). The binding loads from the directory in the {@code tree-sitter-lib}
 * system property when it holds the library, so choosing is setting that property; one set by the user wins, and
 * {@code RUST_ENGINEER_TREE_SITTER=bundled} keeps the bundled libraries.
 */
final class TreeSitterLibrary {
    /** The binding's versions (pom.xml: io.github.bonede:tree-sitter and :tree-sitter-rust); a test keeps them equal. */
    static final String CORE_VERSION = "0.26.6";
    static final String GRAMMAR_VERSION = "0.24.0";
    static final String PROPERTY = "tree-sitter-lib";
    static final String ENV = "RUST_ENGINEER_TREE_SITTER";

    private TreeSitterLibrary() {}

    /** Points the binding at the release build when it is installed; call before the first parser is made. */
    static synchronized void useReleaseBuildIfInstalled() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        releaseBuild(Path.of(System.getProperty("user.home"), ".cache", "rust-engineer", "tree-sitter"), System.getenv(),
                System.getProperty("os.name"), System.getProperty("os.arch"))
                .ifPresent(dir -> System.setProperty(PROPERTY, dir.toString()));
    }

    /** The directory to load from, when it holds both libraries for this platform and nothing says otherwise. */
    static Optional<Path> releaseBuild(Path cacheRoot, Map<String, String> env, String os, String arch) {
        if ("bundled".equals(env.get(ENV)) || !os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String target = switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            default -> null;
        };
        if (target == null) {
            return Optional.empty();
        }
        Path dir = cacheRoot.resolve(CORE_VERSION + "-rust-" + GRAMMAR_VERSION);
        boolean both = Files.isRegularFile(dir.resolve("lib/" + target + "-tree-sitter.so"))
                && Files.isRegularFile(dir.resolve("lib/" + target + "-tree-sitter-rust.so"));
        return both ? Optional.of(dir) : Optional.empty();
    }
}

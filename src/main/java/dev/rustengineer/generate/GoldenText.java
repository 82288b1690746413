package dev.rustengineer.generate;

import java.util.stream.Collectors;

/**
 * A generated project as one reviewable text, the form of the golden files (src/test/resources/golden/ID.txt):
 * each file under a {@code === path ===} line, in path order. Cargo.lock is left out; it is pinned by its own
 * recorded file (knowledge/locks).
 */
public final class GoldenText {
    private GoldenText() {}

    public static String of(GeneratedProject project) {
        return project.files().entrySet().stream().filter(e -> !e.getKey().equals("Cargo.lock"))
                .map(e -> "=== " + e.getKey() + " ===\n" + e.getValue() + (e.getValue().endsWith("\n") ? "" : "\n"))
                .collect(Collectors.joining());
    }
}

package dev.rustengineer.generate;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated project in memory: relative paths (always '/'-separated) to file contents, sorted so that writing
 * and zipping are deterministic.
 */
public record GeneratedProject(String name, SortedMap<String, String> files) {
    public GeneratedProject {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}

package dev.rustengineer.handoff;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one specialist receives: files by relative path (HANDOFF.md among them) and the checks their tools run
 * on it.
 */
public record HandoffPackage(String specialist, SortedMap<String, String> files, List<Check> checks) {
    public HandoffPackage {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        checks = List.copyOf(checks);
    }
}

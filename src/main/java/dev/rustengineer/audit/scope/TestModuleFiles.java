package dev.rustengineer.audit.scope;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Files that are test code because a test module declares them: `#[cfg(test)] mod tests;` makes tests.rs (or
 * tests/mod.rs) test code, and every module declared in a test file is test code in turn. This is the one
 * scope question that needs more than one file, so it is answered after every file was read.
 */
public final class TestModuleFiles {
    private TestModuleFiles() {}

    /**
     * @param modules every audited file's module declarations, by path relative to the root
     * @param testFiles the files that are test code on their own (by path or `#![cfg(test)]`)
     * @return the other files that are test code
     */
    public static Set<String> of(Map<String, List<ModuleDecl>> modules, Set<String> testFiles) {
        Set<String> marked = new HashSet<>(testFiles);
        Deque<String> pending = new ArrayDeque<>();
        modules.forEach((file, decls) -> {
            for (ModuleDecl d : decls) {
                if (d.test() || testFiles.contains(file)) {
                    mark(d, file, modules, marked, pending);
                }
            }
        });
        while (!pending.isEmpty()) {
            String file = pending.pop();
            for (ModuleDecl d : modules.getOrDefault(file, List.of())) {
                mark(d, file, modules, marked, pending);
            }
        }
        Set<String> out = new TreeSet<>(marked);
        out.removeAll(testFiles);
        return out;
    }

    private static void mark(ModuleDecl d, String file, Map<String, List<ModuleDecl>> modules, Set<String> marked, Deque<String> pending) {
        for (String c : d.candidates(file)) {
            if (modules.containsKey(c) && marked.add(c)) {
                pending.push(c);
            }
        }
    }
}

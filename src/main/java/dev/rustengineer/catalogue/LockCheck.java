package dev.rustengineer.catalogue;

import dev.rustengineer.generate.GeneratedProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.semver4j.Semver;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Whether a combination's recorded Cargo.lock still satisfies the catalogue's new versions: for every crate
 * whose pin changed and that one of the project's Cargo.toml files declares, the lock must hold a registry
 * release inside the caret range cargo reads from the new pin. A crate the project only pulls in through others
 * does not matter: cargo keeps the locked release as long as the declared requirements admit it.
 */
final class LockCheck {
    private static final List<String> TABLES = List.of("dependencies", "dev-dependencies", "build-dependencies");

    private LockCheck() {}

    static List<StaleLock> stale(String combination, GeneratedProject project, String lock, Map<String, String> changed) {
        Set<String> declared = declared(project);
        TomlParseResult parsed = Toml.parse(lock);
        if (parsed.hasErrors()) {
            throw new IllegalStateException("the recorded lock of " + combination + " is not TOML: " + parsed.errors().getFirst());
        }
        TomlArray packages = parsed.getArrayOrEmpty("package");
        List<StaleLock> stale = new ArrayList<>();
        for (var c : changed.entrySet()) {
            if (!declared.contains(c.getKey())) {
                continue;
            }
            List<String> locked = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                TomlTable p = packages.getTable(i);
                if (c.getKey().equals(p.getString("name")) && p.getString("source") != null) {
                    locked.add(p.getString("version"));
                }
            }
            String range = "^" + c.getValue();
            if (locked.stream().noneMatch(v -> Semver.coerce(v).satisfies(range))) {
                stale.add(new StaleLock(combination, c.getKey(), locked.isEmpty() ? null : String.join(", ", locked), c.getValue()));
            }
        }
        return List.copyOf(stale);
    }

    /** The crates the project's Cargo.toml files name: dependency tables, target-specific ones, the workspace's pins. */
    static Set<String> declared(GeneratedProject project) {
        Set<String> names = new TreeSet<>();
        for (var f : project.files().entrySet()) {
            if (!f.getKey().equals("Cargo.toml") && !f.getKey().endsWith("/Cargo.toml")) {
                continue;
            }
            TomlParseResult toml = Toml.parse(f.getValue());
            if (toml.hasErrors()) {
                throw new IllegalStateException(f.getKey() + " of " + project.name() + " is not TOML: " + toml.errors().getFirst());
            }
            tables(toml, names);
            if (toml.isTable("workspace")) {
                tables(toml.getTable("workspace"), names);
            }
            if (toml.isTable("target")) {
                TomlTable targets = toml.getTable("target");
                for (String cfg : targets.keySet()) {
                    if (targets.isTable(List.of(cfg))) {
                        tables(targets.getTable(List.of(cfg)), names);
                    }
                }
            }
        }
        return names;
    }

    private static void tables(TomlTable owner, Set<String> names) {
        for (String table : TABLES) {
            if (!owner.isTable(List.of(table))) {
                continue;
            }
            TomlTable deps = owner.getTable(List.of(table));
            for (String name : deps.keySet()) {
                TomlTable dep = deps.isTable(List.of(name)) ? deps.getTable(List.of(name)) : null;
                // A dependency declared under another name reaches the registry by its package name.
                names.add(dep != null && dep.getString("package") != null ? dep.getString("package") : name);
            }
        }
    }
}

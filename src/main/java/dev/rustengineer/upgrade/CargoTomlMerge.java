package dev.rustengineer.upgrade;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tomlj.MutableTomlTable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlComment;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The three-way merge of a Cargo.toml by key, not by line: the user's added dependency and the generator's version
 * bump on the line next to it both survive, and so do a feature the user added to a dependency and the generator's
 * new version of it. Edits go into the user's own file through tomlj's format-preserving tables, so the user's
 * comments, order and layout stay as they are.
 *
 * <p>Each key (recursively through tables, inline or not) is decided as a three-way merge of its value: taken from
 * the generated side where only the generator changed it (with the generator's comment above it, unless the user
 * changed that comment), kept where only the user changed it, and a conflict where both changed it differently.
 * A conflict is shown with git's markers around that key's lines and nothing else: the user's file is rendered
 * three times (conflicting keys as the user has them, as generated now, and as generated then) and those three
 * renderings, identical except at the conflicting keys, are merged by {@link TextMerge}.
 */
final class CargoTomlMerge {
    private static final Set<String> DEPENDENCY_TABLES = Set.of("dependencies", "dev-dependencies", "build-dependencies");

    private CargoTomlMerge() {}

    /** The merge of a Cargo.toml; one that does not parse on some side is merged by lines instead. */
    static TextMerge.Merged merge(byte[] base, byte[] ours, byte[] theirs, String theirsLabel) {
        String b = new String(base, StandardCharsets.UTF_8);
        String o = new String(ours, StandardCharsets.UTF_8);
        String t = new String(theirs, StandardCharsets.UTF_8);
        TomlParseResult bt = Toml.parse(b);
        TomlParseResult ot = Toml.parse(o);
        TomlParseResult tt = Toml.parse(t);
        if (bt.hasErrors() || ot.hasErrors() || tt.hasErrors()) {
            return TextMerge.merge(base, ours, theirs, theirsLabel);
        }
        // Three copies of the user's file: conflicts resolved to the user's value, to the generator's, and to the base's.
        Target target = new Target(Toml.parse(o), Toml.parse(o), Toml.parse(o));
        List<List<String>> conflicts = new ArrayList<>();
        walk(List.of(), bt, ot, tt, target, conflicts);
        byte[] merged = target.ours.toToml().getBytes(StandardCharsets.UTF_8);
        if (conflicts.isEmpty()) {
            return new TextMerge.Merged(merged, 0);
        }
        return TextMerge.merge(target.base.toToml().getBytes(StandardCharsets.UTF_8), merged,
                target.theirs.toToml().getBytes(StandardCharsets.UTF_8), theirsLabel);
    }

    /** The user's file as three editable documents; a change both sides agree on goes into all three. */
    private record Target(MutableTomlTable ours, MutableTomlTable theirs, MutableTomlTable base) {
        List<MutableTomlTable> all() {
            return List.of(ours, theirs, base);
        }
    }

    private static void walk(List<String> table, TomlTable b, TomlTable o, TomlTable t, Target target,
            List<List<String>> conflicts) {
        Set<String> keys = new LinkedHashSet<>(o.keySet());
        keys.addAll(t.keySet());
        for (String key : keys) {
            List<String> path = append(table, key);
            Object bv = b == null ? null : b.get(List.of(key));
            Object ov = o.get(List.of(key));
            Object tv = t.get(List.of(key));
            if (same(ov, tv)) {
                if (ov != null) {
                    takeTheirComments(path, b, o, t, key, target);
                }
                continue;
            }
            if (same(ov, bv)) {
                if (ov instanceof TomlTable ot && tv instanceof TomlTable tt) {
                    walk(path, (TomlTable) bv, ot, tt, target, conflicts); // keeps the user's layout of the table
                } else {
                    for (MutableTomlTable doc : target.all()) {
                        put(doc, table, key, tv, t);
                    }
                }
                takeTheirComments(path, b, o, t, key, target);
                continue;
            }
            if (same(tv, bv)) {
                continue;
            }
            boolean dependency = !table.isEmpty() && DEPENDENCY_TABLES.contains(table.getLast());
            if (dependency && isDependency(ov) && isDependency(tv) && (bv == null || isDependency(bv))
                    && (ov instanceof TomlTable || tv instanceof TomlTable)) {
                // `x = "1"` is `x = { version = "1" }`: the user's features and the generator's version both count.
                if (!(ov instanceof TomlTable)) {
                    for (MutableTomlTable doc : target.all()) {
                        doc.set(path, versionTable((String) ov));
                    }
                }
                walk(path, asTable(bv), asTable(ov), asTable(tv), target, conflicts);
            } else if (ov instanceof TomlTable ot && tv instanceof TomlTable tt && (bv == null || bv instanceof TomlTable)) {
                walk(path, (TomlTable) bv, ot, tt, target, conflicts);
            } else {
                conflicts.add(path);
                put(target.theirs, table, key, tv, t);
                put(target.base, table, key, bv, b);
            }
        }
    }

    /** Sets, inserts (after the key that precedes it in {@code source}) or removes one key of {@code doc}. */
    private static void put(MutableTomlTable doc, List<String> table, String key, Object value, TomlTable source) {
        List<String> path = append(table, key);
        if (value == null) {
            if (doc.contains(path)) {
                doc.remove(path);
            }
            return;
        }
        if (doc.contains(path)) {
            doc.set(path, value);
            return;
        }
        String previous = null;
        for (String k : source.keySet()) {
            if (k.equals(key)) {
                break;
            }
            if (doc.contains(append(table, k))) {
                previous = k;
            }
        }
        if (previous != null) {
            doc.insertAfter(append(table, previous), key, value);
        } else {
            doc.set(path, value);
        }
        List<String> above = commentAbove(source, key);
        if (!above.isEmpty()) {
            doc.setCommentAbove(path, above);
        }
    }

    /** The generator reworded the comment above a key the user left alone: the new words go in. */
    private static void takeTheirComments(List<String> path, TomlTable b, TomlTable o, TomlTable t, String key, Target target) {
        if (b == null || !b.contains(List.of(key)) || !t.contains(List.of(key))) {
            return;
        }
        List<String> base = commentAbove(b, key);
        List<String> theirs = commentAbove(t, key);
        if (commentAbove(o, key).equals(base) && !theirs.equals(base)) {
            for (MutableTomlTable doc : target.all()) {
                if (theirs.isEmpty()) {
                    doc.removeCommentAbove(path);
                } else {
                    doc.setCommentAbove(path, theirs);
                }
            }
        }
    }

    private static List<String> commentAbove(TomlTable table, String key) {
        List<String> lines = new ArrayList<>();
        for (TomlComment c : table.comments(List.of(key))) {
            if (c.placement() == TomlComment.Placement.ABOVE) {
                lines.addAll(c.lines());
            }
        }
        return lines;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof TomlTable x && b instanceof TomlTable y) {
            return Toml.equals(x, y);
        }
        if (a instanceof TomlArray x && b instanceof TomlArray y) {
            return Toml.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static boolean isDependency(Object v) {
        return v instanceof String || v instanceof TomlTable;
    }

    private static TomlTable asTable(Object dependency) {
        return dependency == null || dependency instanceof TomlTable t ? (TomlTable) dependency : versionTable((String) dependency);
    }

    private static MutableTomlTable versionTable(String version) {
        MutableTomlTable t = MutableTomlTable.createInline();
        t.set("version", version);
        return t;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> p = new ArrayList<>(path);
        p.add(key);
        return List.copyOf(p);
    }
}

package dev.rustengineer.upgrade;

import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.generate.BaseArchive;
import dev.rustengineer.generate.ProjectRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything one `upgrade` would do, computed in memory before a byte is written: the change of every file, and
 * the project's new record and merge base (what was just generated), written with them.
 *
 * @param from the record the project had
 * @param to the blueprint regenerated (the recorded one, or changed by --with/--db)
 * @param toVersion the rust-engineer version that regenerated it
 * @param record the new .rust-engineer/project.toml
 * @param base the new .rust-engineer/base.zip
 * @param recordChanged whether the record or base differ from the project's
 */
public record UpgradePlan(Path dir, ProjectRecord from, Blueprint to, String toVersion, List<FileChange> changes,
        byte[] record, byte[] base, boolean recordChanged) {
    public UpgradePlan {
        changes = List.copyOf(changes);
    }

    /** Nothing to do: the generator makes of the recorded choices what the project already has. */
    public boolean upToDate() {
        return !recordChanged && changes.stream().noneMatch(c -> c.writes() || c.deletes());
    }

    /** The files that need the user: conflict markers written, or a file kept that the user should look at. */
    public List<FileChange> conflicts() {
        return changes.stream().filter(c -> c.action().needsYou()).toList();
    }

    /** What applying the plan writes, path to bytes (the record and base included). */
    SortedMap<String, byte[]> writes() {
        SortedMap<String, byte[]> w = new TreeMap<>();
        changes.stream().filter(FileChange::writes).forEach(c -> w.put(c.path(), c.after()));
        if (recordChanged) {
            w.put(ProjectRecord.PATH, record);
            w.put(BaseArchive.PATH, base);
        }
        return w;
    }

    /** What applying the plan deletes. */
    Set<String> deletes() {
        Set<String> d = new TreeSet<>();
        changes.stream().filter(FileChange::deletes).forEach(c -> d.add(c.path()));
        return d;
    }

    /** The unified diff of every file the plan writes or deletes (the binary merge base only named). */
    public String diff() {
        StringBuilder sb = new StringBuilder();
        for (FileChange c : changes) {
            if (c.writes() || c.deletes()) {
                sb.append(UnifiedDiff.of(c.path(), c.before(), c.after()));
            }
        }
        return sb.toString();
    }

    /** The plan with Cargo.lock as cargo resolved it (after --verify built the upgraded project). */
    UpgradePlan withLock(String path, byte[] before, byte[] resolved) {
        List<FileChange> c = new ArrayList<>(changes.stream().filter(f -> !f.path().equals(path)).toList());
        c.add(new FileChange(path, FileChange.Action.RESOLVED_LOCK, before, resolved, 0));
        c.sort((a, b) -> a.path().compareTo(b.path()));
        return new UpgradePlan(dir, from, to, toVersion, c, record, base, recordChanged);
    }
}

package dev.rustengineer.audit.gate;

import dev.rustengineer.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The lines that changed between a git ref and the working tree, as `git diff REF` sees them (committed, staged and
 * unstaged changes alike), by path relative to the audited root:
 * <ul>
 *   <li>a new file, tracked or untracked (but not ignored), or a copy, changed as a whole;</li>
 *   <li>a modified or renamed file (renames detected as git does, by similarity): the lines its edits added or
 *       replaced; where lines were only deleted, the line that now follows the deletion;</li>
 *   <li>deleted files have no lines and nothing else changed.</li>
 * </ul>
 * Read with JGit, so no git binary is needed.
 */
public final class ChangedLines {
    private final String ref;
    private final Map<String, BitSet> lines;
    private final Set<String> wholeFiles;

    ChangedLines(String ref, Map<String, BitSet> lines, Set<String> wholeFiles) {
        this.ref = ref;
        this.lines = lines;
        this.wholeFiles = wholeFiles;
    }

    public String ref() {
        return ref;
    }

    /** Whether this line (1-based) of this file (relative to the audited root) changed since the ref. */
    public boolean contains(String file, int line) {
        if (wholeFiles.contains(file)) {
            return true;
        }
        BitSet b = lines.get(file);
        return b != null && b.get(line);
    }

    /** How many files changed in any way (for the summary). */
    public int files() {
        Set<String> all = new HashSet<>(wholeFiles);
        all.addAll(lines.keySet());
        return all.size();
    }

    /**
     * @throws UsageException when the root is not in a git work tree or the ref does not name a commit or tree
     */
    public static ChangedLines since(Path auditRoot, String ref) {
        Path root = auditRoot.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new UsageException("--changed-since needs a git repository, and " + auditRoot + " is not in one");
        }
        try (Repository repo = builder.build()) {
            if (repo.isBare()) {
                throw new UsageException("--changed-since needs a work tree; " + repo.getDirectory() + " is a bare repository");
            }
            ObjectId tree = resolveTree(repo, ref);
            String prefix = repo.getWorkTree().toPath().toRealPath().relativize(root.toRealPath()).toString().replace('\\', '/');
            Map<String, BitSet> lines = new HashMap<>();
            Set<String> whole = new HashSet<>();
            try (ObjectReader reader = repo.newObjectReader(); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                diff.setRepository(repo);
                diff.setDetectRenames(true);
                // Index 1 is the working tree: ignored paths (target/, build output) are neither walked nor counted.
                TreeFilter notIgnored = new NotIgnoredFilter(1);
                diff.setPathFilter(prefix.isEmpty() ? notIgnored : AndTreeFilter.create(PathFilter.create(prefix), notIgnored));
                for (DiffEntry e : diff.scan(new CanonicalTreeParser(null, reader, tree), new FileTreeIterator(repo))) {
                    if (e.getChangeType() == DiffEntry.ChangeType.DELETE) {
                        continue;
                    }
                    String path = relative(prefix, e.getNewPath());
                    if (e.getChangeType() == DiffEntry.ChangeType.ADD || e.getChangeType() == DiffEntry.ChangeType.COPY) {
                        whole.add(path);
                        continue;
                    }
                    BitSet b = new BitSet();
                    for (Edit edit : diff.toFileHeader(e).toEditList()) {
                        if (edit.getEndB() > edit.getBeginB()) {
                            b.set(edit.getBeginB() + 1, edit.getEndB() + 1); // Edit's lines are 0-based, end exclusive
                        } else {
                            b.set(edit.getBeginB() + 1);
                        }
                    }
                    if (!b.isEmpty()) {
                        lines.put(path, b);
                    }
                }
            }
            return new ChangedLines(ref, lines, whole);
        } catch (IOException e) {
            throw new UsageException("cannot read the git repository of " + auditRoot + ": " + e.getMessage());
        }
    }

    private static ObjectId resolveTree(Repository repo, String ref) throws IOException {
        ObjectId tree;
        try {
            tree = repo.resolve(ref + "^{tree}");
        } catch (RevisionSyntaxException | IOException e) {
            tree = null;
        }
        if (tree == null) {
            throw new UsageException("--changed-since: '" + ref + "' is not a commit in " + repo.getWorkTree()
                    + " (a branch, tag or commit id; fetch it first in a shallow clone)");
        }
        return tree;
    }

    private static String relative(String prefix, String repoPath) {
        return prefix.isEmpty() ? repoPath : repoPath.startsWith(prefix + "/") ? repoPath.substring(prefix.length() + 1) : repoPath;
    }
}

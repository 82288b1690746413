package dev.rustengineer.upgrade;

import dev.rustengineer.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Refuses to upgrade a project with uncommitted changes (unless told to go ahead): with a clean work tree, what
 * the upgrade did is exactly `git diff`, and `git checkout .` undoes it. The status is JGit's (no git binary needed).
 */
final class GitGuard {
    private GitGuard() {}

    /** Whether {@code dir} lies in a git work tree. */
    static boolean inRepository(Path dir) {
        return new FileRepositoryBuilder().findGitDir(dir.toFile()).getGitDir() != null;
    }

    /** @throws UsageException naming a few of the uncommitted files when the project's part of the work tree is dirty */
    static void refuseDirty(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return;
        }
        try (Repository repo = builder.build(); Git git = new Git(repo)) {
            if (repo.isBare()) {
                return;
            }
            // Real paths on both sides: a project reached through a symbolic link still lies inside its work tree.
            String prefix = repo.getWorkTree().toPath().toRealPath().relativize(dir.toRealPath()).toString().replace('\\', '/');
            var status = git.status();
            if (!prefix.isEmpty()) {
                status.addPath(prefix);
            }
            Status s = status.call();
            TreeSet<String> dirty = new TreeSet<>();
            for (var set : List.of(s.getAdded(), s.getChanged(), s.getRemoved(), s.getMissing(), s.getModified(),
                    s.getConflicting(), s.getUntracked())) {
                dirty.addAll(set);
            }
            if (!dirty.isEmpty()) {
                List<String> some = dirty.stream().limit(3).toList();
                throw new UsageException(dir + " has uncommitted changes (" + dirty.size() + " file" + (dirty.size() == 1 ? "" : "s")
                        + ": " + String.join(", ", some) + (dirty.size() > some.size() ? ", ..." : "")
                        + "); commit or stash them first, so that the upgrade is exactly `git diff` and can be undone, "
                        + "or pass --allow-dirty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the git status of " + dir + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new UsageException("cannot read the git status of " + dir + ": " + e.getMessage() + "; pass --allow-dirty to upgrade anyway");
        }
    }
}

package dev.rustengineer.audit.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A git repository in a temporary directory, driven with JGit (no git binary needed): files, commits. */
public final class GitFixture implements AutoCloseable {
    private final Path dir;
    private final Git git;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture init(Path dir) throws Exception {
        return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    public Path dir() {
        return dir;
    }

    public GitFixture write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return this;
    }

    /** Stages everything (new, changed and deleted files) and commits; returns the commit id. */
    public String commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.invalid");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getName();
    }

    public void tag(String name) throws Exception {
        git.tag().setName(name).setAnnotated(false).call();
    }

    @Override
    public void close() {
        git.close();
    }
}

package dev.rustengineer.audit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedLinesTest {
    private static String lines(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + " line " + i + ";").collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void editsRenamesNewAndIgnoredFiles(@TempDir Path dir) throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write(".gitignore", "target/\n").write("src/a.rs", lines("a", 10)).write("src/b.rs", lines("b", 30))
                    .write("src/gone.rs", lines("g", 3)).write("src/cut.rs", lines("c", 6));
            git.commit("first");
            git.tag("v1");
            git.write("src/a.rs", lines("a", 10).replace("a line 5;", "a line five;").replace("a line 7;\n", "a line 7;\nnew;\n"));
            Files.move(dir.resolve("src/b.rs"), dir.resolve("src/renamed.rs"));
            git.write("src/renamed.rs", lines("b", 30).replace("b line 20;", "b line twenty;"));
            Files.delete(dir.resolve("src/gone.rs"));
            git.write("src/cut.rs", lines("c", 6).replace("c line 3;\n", ""));
            git.commit("second");
            git.write("src/untracked.rs", "fn x() {}\n").write("target/debug/build.rs", "fn ignored() {}\n");

            ChangedLines c = ChangedLines.since(dir, "v1");
            assertThat(IntStream.rangeClosed(1, 11).filter(l -> c.contains("src/a.rs", l)).boxed().toList()).containsExactly(5, 8);
            assertThat(IntStream.rangeClosed(1, 30).filter(l -> c.contains("src/renamed.rs", l)).boxed().toList())
                    .as("a rename is diffed against the old file, not taken as new").containsExactly(20);
            assertThat(c.contains("src/untracked.rs", 1)).isTrue();
            assertThat(c.contains("target/debug/build.rs", 1)).isFalse();
            assertThat(c.contains("src/gone.rs", 1)).isFalse();
            assertThat(IntStream.rangeClosed(1, 6).filter(l -> c.contains("src/cut.rs", l)).boxed().toList())
                    .as("a deletion marks the line that now follows it").containsExactly(3);
            assertThat(c.ref()).isEqualTo("v1");
        }
    }

    @Test
    void pathsAreRelativeToAnAuditedSubdirectoryAndHeadSeesUncommittedEdits(@TempDir Path dir) throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write("crates/core/src/lib.rs", lines("x", 4)).write("other/src/lib.rs", lines("y", 4));
            git.commit("first");
            git.write("crates/core/src/lib.rs", lines("x", 4).replace("x line 2;", "changed;"));
            git.write("other/src/lib.rs", lines("y", 4).replace("y line 2;", "changed;"));
            ChangedLines c = ChangedLines.since(dir.resolve("crates/core"), "HEAD");
            assertThat(c.contains("src/lib.rs", 2)).isTrue();
            assertThat(c.contains("src/lib.rs", 1)).isFalse();
            assertThat(c.files()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownRefOrNoRepositoryIsAUsageError(@TempDir Path dir) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> ChangedLines.since(plain, "main")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a git repository");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("a.rs", "fn a() {}\n");
            git.commit("first");
            assertThatThrownBy(() -> ChangedLines.since(repo, "no-such-branch")).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--changed-since: 'no-such-branch' is not a commit");
            assertThatThrownBy(() -> ChangedLines.since(repo, "main..:~^")).isInstanceOf(UsageException.class);
        }
    }
}

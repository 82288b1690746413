package dev.rustengineer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upgrade's writes land all together or not at all. */
class ProjectTransactionTest {

    @Test
    void everyWriteAndDeletionLands(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.createDirectories(dir.resolve("gone"));
        Files.writeString(dir.resolve("gone/x.txt"), "x");
        Files.writeString(dir.resolve("run.sh"), "old");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        ProjectTransaction.apply(dir, Map.of("a.txt", bytes("a2"), "new/deep/b.txt", bytes("b"), "run.sh", bytes("new")),
                Set.of("gone/x.txt"));
        assertThat(dir.resolve("a.txt")).hasContent("a2");
        assertThat(dir.resolve("new/deep/b.txt")).hasContent("b");
        assertThat(dir.resolve("gone")).as("a folder the deletion empties goes too").doesNotExist();
        assertThat(Files.getPosixFilePermissions(dir.resolve("run.sh"))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "new", "run.sh");
        }
    }

    @Test
    void aFailingMoveUndoesEveryMoveBeforeIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("z"), "a file where the plan needs a folder");
        var writes = new TreeMap<String, byte[]>(Map.of("a.txt", bytes("a2"), "m/new.txt", bytes("n"), "z/c.txt", bytes("c")));
        assertThatThrownBy(() -> ProjectTransaction.apply(dir, writes, Set.of("b.txt")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nothing was changed");
        assertThat(dir.resolve("a.txt")).hasContent("a");
        assertThat(dir.resolve("b.txt")).hasContent("b");
        assertThat(dir.resolve("m")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "b.txt", "z");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

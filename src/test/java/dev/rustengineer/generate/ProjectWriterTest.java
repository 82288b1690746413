package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTest {
    private final ProjectWriter writer = RustEngineer.shared().writer();
    private final GeneratedProject project = RustEngineer.shared().generate(Projects.blueprint("orders", "REST API for orders in Rust", null, null));

    @Test
    void writesIntoANewDirectoryAndLeavesNoStagingBehind(@TempDir Path dir) throws Exception {
        var written = writer.toDirectory(project, dir.resolve("orders"), false);
        assertThat(written.files()).contains("Cargo.toml", "src/orders.rs", "migrations/0001_create_orders.sql");
        assertThat(Files.readString(dir.resolve("orders/src/lib.rs"))).contains("pub mod orders;");
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("orders");
        }
    }

    @Test
    void aNonEmptyDirectoryNeedsForceAndForceKeepsTheUsersFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("orders");
        Files.createDirectories(target.resolve("src"));
        Files.writeString(target.resolve("NOTES.md"), "mine");
        Files.writeString(target.resolve("src/extra.rs"), "// mine");
        assertThatThrownBy(() -> writer.toDirectory(project, target, false))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not empty; use --force");
        assertThat(Files.exists(target.resolve("Cargo.toml"))).as("nothing written without --force").isFalse();

        writer.toDirectory(project, target, true);
        assertThat(Files.readString(target.resolve("NOTES.md"))).isEqualTo("mine");
        assertThat(Files.readString(target.resolve("src/extra.rs"))).isEqualTo("// mine");
        assertThat(target.resolve("Cargo.toml")).exists();
    }

    @Test
    void zipIsDeterministicAndRootedAtTheProjectName(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.zip");
        Path b = dir.resolve("b.zip");
        writer.toZip(project, a, false);
        writer.toZip(project, b, false);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(a.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        assertThat(names).allMatch(n -> n.startsWith("orders/")).contains("orders/Cargo.toml");
        assertThatThrownBy(() -> writer.toZip(project, a, false)).hasMessageContaining("exists; use --force");
    }

    @Test
    void pathsThatLeaveTheRootAreRefused(@TempDir Path dir) {
        var evil = new TreeMap<String, String>();
        evil.put("../escape.txt", "x");
        assertThatThrownBy(() -> writer.toDirectory(new GeneratedProject("evil", evil), dir.resolve("evil"), false))
                .hasMessageContaining("unsafe path");
        assertThat(dir.resolve("escape.txt")).doesNotExist();
        assertThat(dir.resolve("evil")).doesNotExist();
        for (String bad : List.of("/etc/passwd", "a/../../b", "C:/x", "a\\..\\b", "")) {
            assertThatThrownBy(() -> PathGuard.checkRelative(bad)).as(bad).isInstanceOf(UsageException.class);
        }
        PathGuard.checkRelative("src/main.rs");
    }
}

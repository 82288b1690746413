package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.brief.Brief;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's `newProject`: one call from brief to files, the same for every front door. */
class NewProjectTest {
    private static final RustEngineer RE = RustEngineer.shared();

    private static NewOptions options(String name) {
        return NewOptions.named(name);
    }

    @Test
    void writesTheProjectIntoItsDirectory(@TempDir Path dir) {
        var outcome = RE.newProject(RE.readText("REST API for orders, p99 under 5 ms"), options("orders"),
                new Destination.Directory(dir, false));
        assertThat(outcome).isInstanceOf(NewProjectOutcome.Written.class);
        var written = (NewProjectOutcome.Written) outcome;
        assertThat(written.blueprint().resource().plural()).isEqualTo("orders");
        assertThat(written.written().location()).isEqualTo(dir.resolve("orders").toAbsolutePath().normalize());
        assertThat(dir.resolve("orders/Cargo.toml")).exists();
        assertThat(dir.resolve("orders/src/orders.rs")).exists();
    }

    @Test
    void theZipHoldsTheSameFilesUnderTheProjectName(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("orders.zip");
        var outcome = (NewProjectOutcome.Written) RE.newProject(RE.readText("REST API for orders in Rust"), options("orders"),
                new Destination.Zip(zip, false));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().filter(e -> !e.isDirectory()).count()).isEqualTo(outcome.written().files().size());
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName)).allMatch(n -> n.startsWith("orders/"))
                    .contains("orders/Cargo.toml");
        }
        assertThat(dir.resolve("orders")).doesNotExist();
    }

    @Test
    void aBriefWithoutAKindIsPlannedAsAService(@TempDir Path dir) {
        var outcome = RE.newProject(Brief.empty(), options("svc"), new Destination.Directory(dir, false));
        var written = (NewProjectOutcome.Written) outcome;
        assertThat(written.advice().brief().string(dev.rustengineer.brief.Field.KIND)).contains("backend");
        assertThat(written.blueprint().resource().plural()).isEqualTo("items");
        assertThat(written.blueprint().notes()).anyMatch(n -> n.contains("'items'"));
    }

    @Test
    void aCrossPlatformCommandLineBriefGetsTheCliToolWithoutAKind(@TempDir Path dir) {
        var outcome = RE.newProject(RE.readText("A fast cross-platform command-line tool to search log files"),
                options("photo-renamer"), new Destination.Directory(dir, false));
        var written = (NewProjectOutcome.Written) outcome;
        assertThat(written.advice().brief().string(dev.rustengineer.brief.Field.KIND)).contains("cli");
        assertThat(written.blueprint().template()).isEqualTo("cli-tool");
        assertThat(written.blueprint().runtime()).isNull();
        assertThat(written.blueprint().notes()).noneMatch(n -> n.contains("'items'"));
        assertThat(dir.resolve("photo-renamer/src/cli.rs")).exists();
        assertThat(dir.resolve("photo-renamer/Dockerfile")).doesNotExist();
        assertThat(dir.resolve("photo-renamer/src/config.rs")).content().contains("\"PHOTO_RENAMER_CONFIG\"");
    }

    @Test
    void aTaskForAnotherSpecialistWritesNothing(@TempDir Path dir) throws Exception {
        var outcome = RE.newProject(RE.readText("A Spring Boot backend for insurance claims"), options("claims"),
                new Destination.Directory(dir, false));
        assertThat(outcome).isInstanceOf(NewProjectOutcome.RoutedAway.class);
        assertThat(outcome.advice().route()).isEqualTo("java-architect");
        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }
}

package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The record every generated project carries, and the merge base beside it. */
class ProjectRecordTest {
    private static final RustEngineer RE = RustEngineer.shared();

    static Stream<Projects.Variant> variants() {
        return Projects.variants().stream();
    }

    /** The record gives back the blueprint, so regenerating from it reproduces the project byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theRecordReproducesTheProject(Projects.Variant variant) {
        Blueprint b = variant.blueprint();
        GeneratedProject project = RE.generate(b);
        String text = project.files().get(ProjectRecord.PATH);
        ProjectRecord record = ProjectRecord.parse(text, "project.toml", RE.knowledge().crates());
        assertThat(record.generator()).isEqualTo(GeneratorVersion.current());
        assertThat(record.blueprint()).isEqualTo(b.withNotes(List.of()));
        assertThat(RE.generate(record.blueprint())).isEqualTo(project);
    }

    @Test
    void theRevisionsFollowTheGeneratorsInputs() {
        Blueprint b = Projects.blueprint("orders", "REST API for orders in Rust", null, null);
        var now = ProjectRecord.parse(RE.generate(b).files().get(ProjectRecord.PATH), "p", RE.knowledge().crates());
        TemplateSource edited = resource -> TemplateSource.bundled().read(resource)
                + (resource.endsWith("/README.md.mustache") ? "\nedited\n" : "");
        var changed = new ProjectGenerator(RE.templates(), edited).generate(b);
        var then = ProjectRecord.parse(changed.files().get(ProjectRecord.PATH), "p", RE.knowledge().crates());
        assertThat(then.templates()).isNotEqualTo(now.templates()).startsWith("sha256:");
        assertThat(then.catalogue()).isEqualTo(now.catalogue());
        var older = new HashMap<>(b.crates());
        older.put("axum", new CrateCatalogue.Crate("axum", "0.8.0", "older"));
        Blueprint olderCatalogue = new Blueprint(b.name(), b.kind(), b.template(), b.web(), b.runtime(), b.db(), b.dbLayer(),
                b.features(), b.with(), b.resource(), b.msrv(), older, b.decisions(), b.notes());
        var old = ProjectRecord.parse(RE.generate(olderCatalogue).files().get(ProjectRecord.PATH), "p", RE.knowledge().crates());
        assertThat(old.catalogue()).isNotEqualTo(now.catalogue());

        // A crate the set does not pin leaves its revision (and its golden files) as they were.
        String other = "grep-searcher";
        assertThat(RE.templates().get(b.template()).crates()).noneMatch(c -> c.name().equals(other));
        var unrelated = new HashMap<>(b.crates());
        unrelated.put(other, new CrateCatalogue.Crate(other, "9.9.9", "moved"));
        Blueprint moved = new Blueprint(b.name(), b.kind(), b.template(), b.web(), b.runtime(), b.db(), b.dbLayer(),
                b.features(), b.with(), b.resource(), b.msrv(), unrelated, b.decisions(), b.notes());
        assertThat(RE.generate(moved)).isEqualTo(RE.generate(b));
    }

    /** A version a template reads outside the manifest's crate list (a target table) counts too. */
    @Test
    void aVersionATemplateReadsIsInTheRevision() {
        Blueprint b = Projects.variants().stream().filter(v -> v.offer().set().equals("ffi-windows")).findFirst().orElseThrow().blueprint();
        assertThat(RE.templates().get(b.template()).crates()).noneMatch(c -> c.name().equals("windows"));
        var newer = new HashMap<>(b.crates());
        newer.put("windows", new CrateCatalogue.Crate("windows", "9.9.9", "moved"));
        Blueprint moved = new Blueprint(b.name(), b.kind(), b.template(), b.web(), b.runtime(), b.db(), b.dbLayer(),
                b.features(), b.with(), b.resource(), b.msrv(), newer, b.decisions(), b.notes());
        var crates = RE.knowledge().crates();
        assertThat(ProjectRecord.parse(RE.generate(moved).files().get(ProjectRecord.PATH), "p", crates).catalogue())
                .isNotEqualTo(ProjectRecord.parse(RE.generate(b).files().get(ProjectRecord.PATH), "p", crates).catalogue());
    }

    @Test
    void aCorruptedRecordIsNamedWithItsLine() {
        String good = RE.generate(Projects.blueprint("orders", "REST API for orders in Rust", null, null)).files().get(ProjectRecord.PATH);
        var crates = RE.knowledge().crates();
        assertThatThrownBy(() -> ProjectRecord.parse(good.replace("kind = \"service\"", "kind = \"plugin\""), "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("p.toml is corrupted at line")
                .hasMessageContaining("unknown kind 'plugin'");
        assertThatThrownBy(() -> ProjectRecord.parse(good.replace("[blueprint]", "[blueprint"), "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("p.toml is corrupted at line");
        assertThatThrownBy(() -> ProjectRecord.parse(good.replaceAll("(?m)^name = \"orders\"$", ""), "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("'blueprint.name' is missing");
        assertThatThrownBy(() -> ProjectRecord.parse(good.replace("name = \"orders\"", "name = \"Or ders\""), "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("project name 'Or ders'");
        assertThatThrownBy(() -> ProjectRecord.parse(good.replace("format = 1", "format = 7"), "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("newer than this rust-engineer");
        assertThatThrownBy(() -> ProjectRecord.parse("", "p.toml", crates))
                .isInstanceOf(UsageException.class).hasMessageContaining("'format' is missing");
    }

    @Test
    void theBaseHoldsTheWrittenFilesAndIsTheSameBytesEachTime(@TempDir Path dir) throws Exception {
        GeneratedProject project = RE.generate(Projects.blueprint("orders", "REST API for orders in Rust", null, null));
        var written = RE.writer().toDirectory(project, dir.resolve("a"), false);
        RE.writer().toDirectory(project, dir.resolve("b"), false);
        assertThat(written.files()).contains(BaseArchive.PATH, ProjectRecord.PATH);
        byte[] base = Files.readAllBytes(dir.resolve("a").resolve(BaseArchive.PATH));
        assertThat(base).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(BaseArchive.PATH)));
        var files = BaseArchive.read(dir.resolve("a"));
        assertThat(files.keySet()).doesNotContain(BaseArchive.PATH, ProjectRecord.PATH)
                .hasSize(written.files().size() - 2);
        for (var f : files.entrySet()) {
            assertThat(f.getValue()).as(f.getKey()).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f.getKey())));
        }
        int inData = new String(base, StandardCharsets.ISO_8859_1).indexOf("fn main");
        assertThat(inData).isPositive();
        base[inData] ^= 0x20; // inside an entry's data: its CRC no longer matches
        assertThatThrownBy(() -> BaseArchive.read(new ByteArrayInputStream(base))).isInstanceOf(ZipException.class);
        Files.write(dir.resolve("a").resolve(BaseArchive.PATH), "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BaseArchive.read(dir.resolve("a"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("base.zip is damaged");
    }
}

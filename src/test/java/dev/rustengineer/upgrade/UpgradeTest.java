package dev.rustengineer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.generate.BaseArchive;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.ProjectRecord;
import dev.rustengineer.generate.Projects;
import dev.rustengineer.upgrade.FileChange.Action;
import dev.rustengineer.verify.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;

/**
 * For every offered combination of every template set: a project written by an older generator (OlderGenerator),
 * edited by its owners in every way (UserEdits), upgraded to the current generator. The users' edits are all
 * there, the generator's changes are all there, and the one conflict is where both changed the same line.
 */
class UpgradeTest {
    private static final RustEngineer RE = RustEngineer.shared();

    static Stream<Projects.Variant> variants() {
        return Projects.variants().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theUsersEditsAndTheGeneratorsChangesBothSurvive(Projects.Variant variant, @TempDir Path tmp) throws Exception {
        Blueprint b = variant.blueprint();
        Path dir = tmp.resolve(b.name().name());
        OlderGenerator.write(b, dir);
        String olderCrate = OlderGenerator.olderCrate(b);
        UserEdits edits = UserEdits.apply(dir, b.name().name(), olderCrate);
        String handlerAsEdited = Files.readString(dir.resolve(edits.handler()));

        UpgradeOutcome outcome = RE.upgrade(new UpgradeRequest(dir, BlueprintChange.none(), false, true, null), ProgressListener.none());

        assertThat(outcome).isInstanceOf(UpgradeOutcome.Written.class);
        Map<String, FileChange> changes = outcome.plan().changes().stream().collect(Collectors.toMap(FileChange::path, Function.identity()));
        GeneratedProject current = OlderGenerator.current(b);

        // The user's edits.
        assertThat(read(dir, edits.handler())).as("the changed handler").isEqualTo(handlerAsEdited).contains(UserEdits.HANDLER_LINE);
        assertThat(changes).doesNotContainKey(edits.handler());
        assertThat(read(dir, edits.library())).contains("pub fn user_added_route()").doesNotContain(OlderGenerator.OLD_LIB_HEADER);
        assertThat(changes.get(edits.library()).action()).isEqualTo(Action.MERGED);
        String manifest = read(dir, edits.manifest());
        assertThat(changes.get(edits.manifest()).action()).isEqualTo(Action.MERGED);
        assertThat(manifest).contains(edits.dependency()).doesNotContain("<<<<<<<").doesNotContain(OlderGenerator.OLD_VERSION);
        var toml = Toml.parse(manifest);
        assertThat(toml.errors()).isEmpty();
        String version = b.crates().get(olderCrate).version();
        assertThat(manifest).containsPattern("(?m)^" + olderCrate + " = (\"|\\{ version = \")" + version.replace(".", "\\.") + "\"");
        assertThat(dir.resolve(UserEdits.DELETED)).doesNotExist();
        assertThat(changes.get(UserEdits.DELETED).action()).isEqualTo(Action.STAYS_DELETED);
        assertThat(dir.resolve(UserEdits.DELETED_CHANGED)).doesNotExist();
        assertThat(changes.get(UserEdits.DELETED_CHANGED).action()).isEqualTo(Action.STAYS_DELETED_CHANGED);

        // A file both changed, in different places, and one both changed on the same line.
        assertThat(changes.get("README.md").action()).isEqualTo(Action.MERGED);
        assertThat(read(dir, "README.md")).contains(UserEdits.README_LINE).doesNotContain(OlderGenerator.OLD_FOOTER);
        assertThat(changes.get(".gitignore").action()).isEqualTo(Action.CONFLICT);
        assertThat(changes.get(".gitignore").conflicts()).isEqualTo(1);
        String gitignore = current.files().get(".gitignore");
        assertThat(read(dir, ".gitignore")).startsWith("<<<<<<< yours\n" + UserEdits.USER_IGNORE + "\n=======\n/target\n>>>>>>> rust-engineer ")
                .endsWith(gitignore.substring(gitignore.indexOf('\n') + 1));
        assertThat(outcome.plan().conflicts()).extracting(FileChange::path).containsExactly(".gitignore");

        // The generator's changes: a new file, and every file the user did not touch reads as generated now.
        assertThat(changes.get(OlderGenerator.NEW_FILE).action()).isEqualTo(Action.ADDED);
        Set<String> touched = Set.of(edits.handler(), edits.library(), edits.manifest(), "README.md", ".gitignore",
                UserEdits.DELETED, UserEdits.DELETED_CHANGED, "Cargo.lock");
        for (var f : current.files().entrySet()) {
            if (!touched.contains(f.getKey())) {
                assertThat(read(dir, f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
            }
        }
        assertThat(Files.readAllBytes(dir.resolve(BaseArchive.PATH))).isEqualTo(BaseArchive.of(current));
        assertThat(read(dir, ProjectRecord.PATH)).isEqualTo(current.files().get(ProjectRecord.PATH));
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".rust-engineer-upgrade-"));
        }

        // Upgrading again has nothing to do: the conflict is the user's to resolve, the base is the current generation.
        assertThat(RE.upgrade(new UpgradeRequest(dir, BlueprintChange.none(), false, true, null), ProgressListener.none()))
                .isInstanceOf(UpgradeOutcome.UpToDate.class);
    }

    private static String read(Path dir, String path) throws Exception {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }
}

package dev.rustengineer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.generate.ItSupport;
import dev.rustengineer.generate.Projects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `upgrade --verify` through the real launcher on the Axum, Actix-web and CLI projects: written by an older
 * generator, edited by their owners (a changed handler, an added route and dependency, deleted files, a README
 * edited beside the generator's change), committed, then upgraded. cargo fmt --check, clippy -D warnings, build
 * and test pass on the upgraded project (on a copy, before anything is written), and the written tree has both
 * the users' edits and the generator's changes. Package names are this test's own (upgrade-it-*), built in the
 * shared target directory.
 */
class UpgradeIT {
    static Stream<Projects.Variant> variants() {
        return Projects.variants().stream()
                .filter(v -> List.of("axum-service-sqlite-sqlx", "actix-service-sqlite-sqlx", "cli-tool").contains(v.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void anEditedProjectUpgradesAndPassesCargo(Projects.Variant variant, @TempDir Path tmp) throws Exception {
        String name = "upgrade-it-" + variant.offer().set().replace("-service", "").replace("-tool", "");
        Blueprint b = Projects.plan(variant.brief(), new NewOptions(name, variant.offer().kind().id(), variant.offer().web(),
                variant.db(), variant.dbLayer(), variant.with(), variant.offer().kind().hasResource() ? variant.resource() : null, false));
        Path dir = tmp.resolve(name);
        OlderGenerator.write(b, dir);
        String ignore = Files.readString(dir.resolve(".gitignore"));
        UserEdits edits = UserEdits.apply(dir, name, OlderGenerator.olderCrate(b));
        // Everything but the same-line conflict, which --verify would rightly refuse to prove.
        Files.writeString(dir.resolve(".gitignore"), ignore);
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the team's edits").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }

        String launcher = Path.of("rust-engineer").toAbsolutePath().toString();
        Process p = new ProcessBuilder(launcher, "upgrade", dir.toString(), "--verify", "--target-dir",
                ItSupport.cargoTarget().toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(40, TimeUnit.MINUTES)).isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("PASSED").contains("proven with cargo").containsPattern("merged +" + edits.manifest());

        assertThat(Files.readString(dir.resolve(edits.handler()))).contains(UserEdits.HANDLER_LINE);
        assertThat(Files.readString(dir.resolve(edits.library()))).contains("user_added_route").doesNotContain(OlderGenerator.OLD_LIB_HEADER);
        assertThat(Files.readString(dir.resolve(edits.manifest()))).contains(edits.dependency())
                .doesNotContain(OlderGenerator.OLD_VERSION);
        assertThat(Files.readString(dir.resolve("README.md"))).contains(UserEdits.README_LINE).doesNotContain(OlderGenerator.OLD_FOOTER);
        assertThat(dir.resolve(UserEdits.DELETED_CHANGED)).doesNotExist();
        assertThat(dir.resolve(OlderGenerator.NEW_FILE)).exists();
        try (Git git = Git.open(dir.toFile())) {
            assertThat(git.status().call().getModified()).as("the upgrade is `git diff`").contains("README.md", edits.manifest());
        }
    }
}

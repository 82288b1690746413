package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeSitterLibraryTest {

    @Test
    void theVersionsAreThePomsSoTheReleaseBuildMatchesTheBinding() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<artifactId>tree-sitter</artifactId>\n      <version>" + TreeSitterLibrary.CORE_VERSION + "</version>")
                .contains("<artifactId>tree-sitter-rust</artifactId>\n      <version>" + TreeSitterLibrary.GRAMMAR_VERSION + "</version>");
    }

    @Test
    void theReleaseBuildIsTakenOnlyWhenBothLibrariesAreThere(@TempDir Path root) throws Exception {
        Path lib = root.resolve(TreeSitterLibrary.CORE_VERSION + "-rust-" + TreeSitterLibrary.GRAMMAR_VERSION + "/lib");
        Files.createDirectories(lib);
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(), "Linux", "amd64")).isEmpty();
        Files.writeString(lib.resolve("x86_64-linux-gnu-tree-sitter.so"), "");
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(), "Linux", "amd64")).as("one of two").isEmpty();
        Files.writeString(lib.resolve("x86_64-linux-gnu-tree-sitter-rust.so"), "");
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(), "Linux", "amd64")).contains(lib.getParent());
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(TreeSitterLibrary.ENV, "bundled"), "Linux", "amd64")).isEmpty();
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(), "Linux", "aarch64")).as("other arch, not built").isEmpty();
        assertThat(TreeSitterLibrary.releaseBuild(root, Map.of(), "Mac OS X", "x86_64")).isEmpty();
    }
}

package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/** One source per file: a template two sets need lives once, under templates/shared/, and every file is used. */
class TemplateFilesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void noTwoTemplateFilesAreByteIdentical() throws IOException {
        Map<String, List<String>> byContent;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            byContent = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("manifest.yaml"))
                    .collect(Collectors.groupingBy(TemplateFilesTest::digest, TreeMap::new,
                            Collectors.mapping(p -> TEMPLATES.relativize(p).toString(), Collectors.toList())));
        }
        assertThat(byContent.values()).as("byte-identical template files").allSatisfy(paths -> assertThat(paths).hasSize(1));
    }

    @Test
    void everySharedTemplateIsNamedByAManifest() throws IOException {
        String manifests;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            manifests = files.map(d -> d.resolve("manifest.yaml")).filter(Files::exists).map(TemplateFilesTest::read)
                    .collect(Collectors.joining("\n"));
        }
        try (Stream<Path> shared = Files.walk(TEMPLATES.resolve("shared"))) {
            assertThat(shared.filter(Files::isRegularFile).map(p -> TEMPLATES.relativize(p).toString()))
                    .allSatisfy(p -> assertThat(manifests).contains("template: " + p));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

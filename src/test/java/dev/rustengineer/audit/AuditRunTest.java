package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.rustengineer.audit.cache.CacheLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache gives back exactly what the rules gave, and the run carries the notes the gate needs. */
class AuditRunTest {

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            // Not target/: build output and caches are not part of the corpus.
            for (Path p : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void aCachedRunEqualsAFreshOne(@TempDir Path dir) throws Exception {
        copyTree(AuditCorpusTest.CORPUS, dir);
        Auditor auditor = new Auditor();
        AuditRun fresh = auditor.run(dir, false, false);
        AuditRun first = auditor.run(dir, false, true);
        AuditRun second = auditor.run(dir, false, true);
        assertThat(CacheLocation.forRoot(dir, System.getenv())).isRegularFile();
        assertThat(first.cachedFiles()).isZero();
        assertThat(second.cachedFiles()).isEqualTo(fresh.report().files());
        assertThat(second.report().findings()).isEqualTo(fresh.report().findings());
        assertThat(second.report().lines()).isEqualTo(fresh.report().lines());
        assertThat(second.report().parseErrorFiles()).isEqualTo(fresh.report().parseErrorFiles());
        assertThat(second.notes()).isEqualTo(fresh.notes());

        Path lib = dir.resolve("src/unwrap_cases.rs");
        Files.writeString(lib, Files.readString(lib) + "\npub fn added(x: Option<u8>) -> u8 { x.unwrap() }\n");
        AuditRun third = auditor.run(dir, false, true);
        assertThat(third.cachedFiles()).isEqualTo(fresh.report().files() - 1);
        assertThat(third.report().count("unwrap-in-production")).isEqualTo(fresh.report().count("unwrap-in-production") + 1);
    }

    @Test
    void notesHoldTheFingerprintHashOfEveryFinding() {
        AuditRun run = new Auditor().run(AuditCorpusTest.CORPUS, false, false);
        for (Finding f : run.report().findings()) {
            if (f.file().endsWith(".rs")) {
                assertThat(run.notes().get(f.file()).hash(f.rule(), f.line())).as(f.toString()).matches("[0-9a-f]{32}");
            }
        }
    }
}

package dev.rustengineer.audit.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.SourceText;
import dev.rustengineer.audit.scope.AuditKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link TreeWalk} stands in for the query of {@link RustFile}: on every Rust file of the audit's test corpora, the
 * captures, calls, function modifiers and names, let patterns, parse errors and macro regions parsed again must be
 * the same, in the same order, whichever collected them.
 */
class RustFileCaptureTest {
    @Test
    void theWalkCapturesWhatTheQueryCaptures() throws IOException {
        assertThat(TreeWalk.available()).as("the walk's C functions are found on this platform").isTrue();
        AuditKnowledge knowledge = AuditKnowledge.bundled();
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/test/resources/audit-corpus")),
                Files.walk(Path.of("src/test/resources/audit-real")))) {
            files = walk.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        int compared = 0;
        for (Path p : files) {
            SourceText src = SourceText.decode(Files.readAllBytes(p));
            String viaQuery;
            String viaWalk;
            try (RustFile q = RustFile.parse(p.toString(), src, knowledge, true);
                    RustFile w = RustFile.parse(p.toString(), src, knowledge, false)) {
                viaQuery = q.describeCaptures();
                viaWalk = w.describeCaptures();
            }
            assertThat(viaWalk).as(p.toString()).isEqualTo(viaQuery);
            compared += viaQuery.length() > 0 ? 1 : 0;
        }
        assertThat(compared).isEqualTo(files.size());
    }
}

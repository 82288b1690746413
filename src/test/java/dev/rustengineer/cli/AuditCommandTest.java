package dev.rustengineer.cli;

import static dev.rustengineer.cli.AdviseCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.audit.cache.CacheLocation;
import dev.rustengineer.audit.gate.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `audit` as a CI job runs it, in-process, on a git repository made in a temporary directory: a baseline written and
 * read back, fingerprints that survive lines inserted above, --changed-since with edits and an untracked file,
 * suppression comments with and without a reason, and the exit codes of each.
 */
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIB = """
            pub fn parse(x: Option<u32>) -> u32 {
                x.unwrap()
            }

            pub fn read(p: *const u8) -> u8 {
                unsafe { *p }
            }
            """;

    private static JsonNode json(AdviseCommandTest.Run r) throws Exception {
        return JSON.readTree(r.out());
    }

    private static List<String> fingerprints(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("findings").forEach(f -> out.add(f.get("rule").asText() + " " + f.get("fingerprint").asText()));
        return out;
    }

    @Test
    void baselineRoundTripSurvivesInsertedLinesAndFailsOnlyOnNewFindings(@TempDir Path dir) throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write(".gitignore", "target/\n").write("src/lib.rs", LIB).commit("first");
            String root = dir.toString();

            var update = run("audit", root, "--update-baseline", "--format", "json");
            assertThat(update.code()).as(update.err()).isZero();
            assertThat(update.err()).contains("wrote 3 finding(s) to " + dir.resolve("audit-baseline.json"));
            List<String> before = fingerprints(json(update));
            assertThat(before).hasSize(3);
            String baseline = Files.readString(dir.resolve("audit-baseline.json"));
            assertThat(baseline).doesNotContain(root).contains("\"file\" : \"src/lib.rs\"");
            assertThat(json(update).at("/summary/findings").asInt()).as("everything is in the baseline just written").isZero();

            git.write("src/lib.rs", "//! A crate.\n\nuse std::fmt;\n\n" + LIB);
            var shifted = run("audit", root, "--baseline", dir.resolve("audit-baseline.json").toString(), "--fail-on", "low", "--format", "json");
            assertThat(shifted.code()).as(shifted.out()).isZero();
            assertThat(fingerprints(json(shifted))).as("four lines inserted above change no fingerprint").isEqualTo(before);
            assertThat(json(shifted).at("/findings/0/line").asInt()).isEqualTo(6);
            assertThat(json(shifted).at("/summary/baseline").asInt()).isEqualTo(3);

            git.write("src/lib.rs", "//! A crate.\n\nuse std::fmt;\n\n" + LIB + "\npub fn more(x: Option<u8>) -> u8 {\n    x.expect(\"more\")\n}\n");
            var grown = run("audit", root, "--baseline", dir.resolve("audit-baseline.json").toString(), "--fail-on", "low");
            assertThat(grown.code()).isEqualTo(ExitCode.NEGATIVE);
            assertThat(grown.out()).contains("1 new findings (1 low)").contains("3 in the baseline").contains("14:7  unwrap-in-production");
            assertThat(run("audit", root, "--baseline", dir.resolve("audit-baseline.json").toString(), "--fail-on", "medium").code())
                    .as("the new finding is low").isZero();
            var written = run("audit", root, "--update-baseline");
            assertThat(written.code()).isZero();
            assertThat(Files.readString(dir.resolve("audit-baseline.json"))).as("an update adds the new entry and keeps the rest")
                    .contains("`.expect()`").contains(baseline.lines().filter(l -> l.contains("fingerprint\" : \"")).findFirst().orElseThrow());

            var missing = run("audit", root, "--baseline", dir.resolve("nope.json").toString());
            assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
            assertThat(missing.err().lines().findFirst().orElseThrow()).contains("does not exist; write it with --update-baseline");
        }
    }

    @Test
    void changedSinceKeepsFindingsOnChangedLinesAndNewFiles(@TempDir Path dir) throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write(".gitignore", "target/\n").write("src/lib.rs", LIB).commit("first");
            git.tag("base");
            git.write("src/lib.rs", LIB + "\npub fn more(x: Option<u8>) -> u8 {\n    x.unwrap()\n}\n");
            git.commit("second");
            git.write("src/extra.rs", "pub fn f(x: Option<u8>) -> u8 {\n    x.unwrap()\n}\n");
            git.write("target/debug/gen.rs", "pub fn g(x: Option<u8>) -> u8 { x.unwrap() }\n");

            var r = run("audit", dir.toString(), "--changed-since", "base", "--format", "json", "--fail-on", "low");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NEGATIVE);
            JsonNode j = json(r);
            assertThat(j.get("findings")).extracting(f -> f.get("file").asText() + ":" + f.get("line").asInt())
                    .containsExactly("src/extra.rs:2", "src/lib.rs:10");
            assertThat(j.at("/summary/outside_changes").asInt()).isEqualTo(3);
            assertThat(j.at("/summary/changed_since").asText()).isEqualTo("base");

            assertThat(run("audit", dir.toString(), "--changed-since", "HEAD", "--format", "json").out())
                    .as("HEAD: only the untracked file").contains("src/extra.rs").doesNotContain("src/lib.rs");

            var bad = run("audit", dir.toString(), "--changed-since", "no-such-ref");
            assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
            assertThat(bad.err().lines().toList()).singleElement().asString()
                    .startsWith("rust-engineer: --changed-since: 'no-such-ref' is not a commit");
            assertThat(bad.out()).isEmpty();
            assertThat(run("audit", dir.toString(), "--changed-since", "base", "--update-baseline").code()).isEqualTo(ExitCode.USAGE);
        }
    }

    @Test
    void suppressionNeedsAReasonToCount(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), LIB.replace("    x.unwrap()",
                "    // rust-engineer: allow(unwrap-in-production) parse is only called on Some\n    x.unwrap()"));
        var ok = run("audit", dir.toString(), "--fail-on", "low", "--format", "sarif");
        assertThat(ok.code()).as("the unsafe block is low too").isEqualTo(ExitCode.NEGATIVE);
        assertThat(run("audit", dir.toString(), "--fail-on", "medium").code()).as("only undocumented-unsafe is medium").isEqualTo(1);
        JsonNode results = json(ok).at("/runs/0/results");
        JsonNode suppressed = results.get(results.size() - 1);
        assertThat(suppressed.get("ruleId").asText()).isEqualTo("unwrap-in-production");
        assertThat(suppressed.at("/suppressions/0/justification").asText()).isEqualTo("parse is only called on Some");
        assertThat(suppressed.at("/partialFingerprints/rustEngineer~1v1").asText()).isNotEmpty();
        assertThat(run("audit", dir.toString()).out()).contains("1 suppressed in the code").doesNotContain("unwrap-in-production");

        Files.writeString(dir.resolve("src/lib.rs"), LIB.replace("    x.unwrap()", "    // rust-engineer: allow(unwrap-in-production)\n    x.unwrap()"));
        var noReason = run("audit", dir.toString(), "--fail-on", "low");
        assertThat(noReason.code()).isEqualTo(ExitCode.NEGATIVE);
        assertThat(noReason.out()).contains("2:5  bad-suppression").contains("has no reason")
                .contains("3:7  unwrap-in-production").doesNotContain("suppressed in the code");
    }

    @Test
    void theCacheMakesASecondRunReadNoRulesAndNoCacheLeavesNone(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/src"));
        Files.writeString(dir.resolve("a/src/lib.rs"), LIB);
        Files.createDirectories(dir.resolve("b/src"));
        Files.writeString(dir.resolve("b/src/lib.rs"), LIB);
        var first = json(run("audit", dir.resolve("a").toString(), "--format", "json"));
        var second = json(run("audit", dir.resolve("a").toString(), "--format", "json"));
        assertThat(first.at("/summary/cached_files").asInt()).isZero();
        assertThat(second.at("/summary/cached_files").asInt()).isEqualTo(1);
        assertThat(second.get("findings")).isEqualTo(first.get("findings"));
        assertThat(CacheLocation.forRoot(dir.resolve("a"), System.getenv())).isRegularFile();
        run("audit", dir.resolve("b").toString(), "--no-cache");
        assertThat(CacheLocation.forRoot(dir.resolve("b"), System.getenv())).doesNotExist();
    }

    @Test
    void disableSwitchesRulesOffAndAnUnknownIdIsAUsageErrorListingTheKnownOnes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), LIB);
        var all = json(run("audit", dir.toString(), "--format", "json", "--no-cache"));
        List<String> rulesOfAll = new ArrayList<>();
        all.get("findings").forEach(f -> rulesOfAll.add(f.get("rule").asText()));
        assertThat(rulesOfAll).contains("unwrap-in-production", "unsafe-block", "undocumented-unsafe");

        var narrowed = run("audit", dir.toString(), "--format", "json", "--disable", "unwrap-in-production,undocumented-unsafe");
        assertThat(narrowed.code()).as(narrowed.err()).isZero();
        List<String> rulesLeft = new ArrayList<>();
        json(narrowed).get("findings").forEach(f -> rulesLeft.add(f.get("rule").asText()));
        assertThat(rulesLeft).containsExactly("unsafe-block");
        assertThat(CacheLocation.forRoot(dir, System.getenv())).as("a narrowed run keeps out of the full run's cache").doesNotExist();
        SortedSet<String> off = new TreeSet<>(List.of("unwrap-in-production", "undocumented-unsafe"));
        assertThat(CacheLocation.forRoot(dir, System.getenv(), off)).as("and keeps one of its own").isRegularFile();
        var again = json(run("audit", dir.toString(), "--format", "json", "--disable", "undocumented-unsafe,unwrap-in-production"));
        assertThat(again.at("/summary/cached_files").asInt()).as("the same set, in any order, reads it").isEqualTo(1);
        assertThat(again.get("findings")).isEqualTo(json(narrowed).get("findings"));
        var full = json(run("audit", dir.toString(), "--format", "json"));
        assertThat(full.at("/summary/cached_files").asInt()).isZero();
        assertThat(full.get("findings")).as("the next full run is not narrowed").isEqualTo(all.get("findings"));

        var unknown = run("audit", dir.toString(), "--disable", "unwrap-in-production,no-such-rule");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown rule 'no-such-rule'").contains("one of: ").contains("lock-across-await")
                .contains("unwrap-in-production");
        assertThat(unknown.out()).isEmpty();
    }
}

package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.LabelledCorpusIT.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tuning set's score split by label file (labels-async, labels-unsafe, labels-heldout1..3: different reviewers
 * and crates), so a change to a rule can be judged file by file and checked on a file it was not built from. Reads
 * only the top-level labels-*.yaml, never a held-out directory. Not a gate: its name matches neither surefire's nor
 * failsafe's patterns, so it runs only when asked for:
 * <pre>
 * mvn -o -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LabelFileBreakdown \
 *     -Dbreakdown.rule=blocking-in-async
 * </pre>
 * With `breakdown.rule` only the crates labelled for that rule are audited (each crate is audited as its own root,
 * so the rule's counts are the same as the IT's), and target/label-breakdown/RULE.txt lists every label's outcome
 * and every unlabelled finding of the rule, to compare two versions of a rule line by line.
 */
class LabelFileBreakdown {
    @Test
    void printsEachRulesScorePerLabelFile() throws IOException {
        String only = System.getProperty("breakdown.rule", "");
        Map<String, List<Label>> byFile = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(LabelledCorpusIT.LABELS)) {
            for (Path f : list.filter(p -> p.getFileName().toString().matches("labels-.*\\.yaml")).sorted().toList()) {
                byFile.put(f.getFileName().toString().replaceFirst("^labels-", "").replaceFirst("\\.yaml$", ""),
                        LabelledCorpusIT.read(List.of(f)).stream().filter(l -> only.isEmpty() || l.rule().equals(only)).toList());
            }
        }
        Set<String> crates = new TreeSet<>();
        byFile.values().forEach(ls -> ls.forEach(l -> crates.add(crate(l.at()))));
        assertThat(crates).as("crates labelled%s", only.isEmpty() ? "" : " for " + only).isNotEmpty();

        Auditor auditor = new Auditor();
        Set<String> reported = new HashSet<>();
        Map<String, List<String>> findingsOfRule = new TreeMap<>();
        for (String crate : crates) {
            Path root = LabelledCorpusIT.CORPUS.resolve(crate);
            assertThat(root).as("unpacked by scripts/setup.d/60-audit-corpus.sh").isDirectory();
            for (Finding f : auditor.audit(root).findings()) {
                String at = crate + "/" + f.file() + ":" + f.line();
                reported.add(f.rule() + " " + at);
                if (f.rule().equals(only)) {
                    findingsOfRule.computeIfAbsent(at, k -> new ArrayList<>()).add(f.message());
                }
            }
        }

        // rule -> file -> {TP, FP, miss}
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        List<String> detail = new ArrayList<>();
        Set<String> labelled = new HashSet<>();
        byFile.forEach((file, labels) -> {
            for (Label l : labels) {
                int[] c = counts.computeIfAbsent(l.rule(), r -> new TreeMap<>()).computeIfAbsent(file, x -> new int[3]);
                boolean hit = reported.contains(l.rule() + " " + l.at());
                String outcome = l.fire() ? (hit ? "TP" : "MISS") : (hit ? "FP" : "TN");
                if (l.fire() || hit) {
                    c[l.fire() ? (hit ? 0 : 2) : 1]++; // a silent label nothing reported counts nowhere
                }
                labelled.add(l.at());
                detail.add(String.format("%-8s %-4s %s", file, outcome, l.at()));
            }
        });
        System.out.printf("%-22s %-9s %5s %5s %5s %9s %7s%n", "rule", "labels", "TP", "FP", "miss", "precision", "recall");
        counts.forEach((rule, files) -> {
            int[] total = new int[3];
            files.forEach((file, c) -> {
                row(rule, file, c);
                for (int i = 0; i < 3; i++) {
                    total[i] += c[i];
                }
            });
            row(rule, "all", total);
        });
        if (!only.isEmpty()) {
            findingsOfRule.forEach((at, messages) -> {
                if (!labelled.contains(at)) {
                    detail.add(String.format("%-8s %-4s %s  %s", "-", "NEW", at, messages.getFirst()));
                }
            });
            Path out = Path.of("target/label-breakdown/" + only + ".txt");
            Files.createDirectories(out.getParent());
            Files.write(out, detail);
            System.out.println("labels' outcomes and unlabelled findings: " + out);
        }
    }

    private static void row(String rule, String file, int[] c) {
        double p = c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        System.out.printf("%-22s %-9s %5d %5d %5d %9.2f %7.2f%n", rule, file, c[0], c[1], c[2], p, r);
    }

    private static String crate(String at) {
        return at.substring(0, at.indexOf('/'));
    }
}

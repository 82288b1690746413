package dev.rustengineer.cli;

import dev.rustengineer.catalogue.Proposal;
import dev.rustengineer.catalogue.RefreshReport;
import dev.rustengineer.catalogue.StaleLock;
import dev.rustengineer.generate.Combination;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** `catalogue refresh`'s report: the proposals, what was written, what changes, and the commands that prove it. */
final class RefreshText {
    private static final String IT = "mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false";
    private final PrintWriter out;

    RefreshText(PrintWriter out) {
        this.out = out;
    }

    void print(RefreshReport r, boolean breaking) {
        proposals(r.proposals(), breaking);
        String verb = r.written() ? "Wrote" : "Dry run, nothing written; would write";
        if (r.versions().isEmpty()) {
            out.println("No version moves; " + r.catalogue() + " stays as it is.");
        } else {
            out.println(verb + " " + r.versions().size() + " version(s) into " + r.catalogue() + " (checked: " + r.checked() + "): "
                    + r.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        }
        List<String> goldens = r.goldensRewritten();
        out.println((r.written() ? "Golden files rewritten: " : "Golden files to rewrite: ") + goldens.size() + " of "
                + r.combinations().size() + (goldens.isEmpty() ? " (all match the new generation)." : "."));
        List<RefreshReport.CombinationChange> changed = r.combinations().stream().filter(c -> !c.changedFiles().isEmpty()).toList();
        if (!changed.isEmpty()) {
            out.println("Generated files the new versions change (the record's catalogue revision aside):");
            changed.forEach(c -> out.println(String.format("  %-36s %s", c.id(), String.join(", ", c.changedFiles()))));
        }
        if (!r.staleLocks().isEmpty()) {
            out.println("Recorded locks the new versions leave unsatisfied (`cargo build --locked` refuses them)"
                    + (r.recordedLocks().isEmpty() ? ":" : "; " + (r.written() ? "recorded again" : "cargo resolved them again, not written")
                    + " with cargo: " + String.join(", ", r.recordedLocks()) + ":"));
            for (StaleLock l : r.staleLocks()) {
                out.println(String.format("  %-36s %s %s locked, ^%s pinned", l.combination() + ".lock", l.crate(),
                        l.locked() == null ? "not" : l.locked(), l.pinned()));
            }
        }
        List<Combination> prove = r.toProve();
        if (prove.isEmpty()) {
            out.println("No template set changes: nothing to prove again.");
            return;
        }
        String ids = prove.stream().map(Combination::id).collect(Collectors.joining(","));
        out.println("Template sets to prove again: " + String.join(", ", r.setsToProve()) + ". In this order:");
        List<String> toRecord = r.staleLocks().stream().map(StaleLock::combination).distinct()
                .filter(id -> !r.recordedLocks().contains(id)).toList();
        if (!toRecord.isEmpty()) {
            String stale = String.join(",", toRecord);
            out.println("  mvn -B test -Dtest=CargoLockTest -Dlocks.update=true -Dit.variants=" + stale
                    + "   # record those locks (cargo, the registry; or run this again with --locks)");
            out.println("  mvn -B test -Dtest=GeneratorTest -Dgolden.update=true   # the records in the golden files name the locks' digest");
        }
        out.println("  mvn -B test -Dtest='GeneratorTest,CargoLockTest,UpgradeTest'");
        out.println("  " + IT + " -Dit.test='" + integrationTests(prove) + "' -Dit.variants=" + ids + "   # cargo on them");
        out.println("Then read `git diff` and commit the catalogue, the golden files and the locks together.");
    }

    private void proposals(List<Proposal> proposals, boolean breaking) {
        out.println(String.format("%-28s %-10s %-10s %-11s %s", "crate", "pinned", "proposed", "change", "held back"));
        for (Proposal p : proposals) {
            if (p.change() != Proposal.Change.NONE || p.heldBack() != null) {
                out.println(String.format("%-28s %-10s %-10s %-11s %s", p.crate(), p.pinned(), p.proposed(),
                        p.change().name().toLowerCase(Locale.ROOT), p.heldBack() == null ? "" : p.heldBack()));
            }
        }
        long compatible = proposals.stream().filter(p -> p.change() == Proposal.Change.COMPATIBLE).count();
        long outside = proposals.stream().filter(p -> p.change() == Proposal.Change.BREAKING).count();
        out.println(proposals.size() + " crates read: " + compatible + " can move within their caret range, " + outside
                + " to a release outside it" + (breaking || outside == 0 ? "" : " (moved only with --breaking)") + ".");
    }

    /**
     * The repository's integration tests that build and run each kind with cargo (src/test/java/.../Generated*IT;
     * `-Dit.variants` narrows them to the combinations named). A switch over the kinds, so that a new kind does not
     * compile until it names its test.
     */
    static String integrationTests(List<Combination> combinations) {
        TreeSet<String> tests = new TreeSet<>();
        for (Combination c : combinations) {
            tests.add(switch (c.offer().kind()) {
                case SERVICE -> c.with().contains("websocket") ? "GeneratedWebSocketIT" : "GeneratedServiceIT";
                case GRPC -> "GeneratedGrpcIT";
                case CLI -> "GeneratedCliIT";
                case FFI_WRAPPER -> "GeneratedFfiWrapperIT";
                case FFI_EXPORT -> "GeneratedFfiExportIT";
                case FFI_BENCHMARK -> "GeneratedFfiTableIT#benchmark*";
                case FFI_REWRITE -> "GeneratedFfiTableIT#rewrite*";
                case FFI_WINDOWS -> "GeneratedFfiTableIT#windows*";
                case WASM -> "GeneratedWasmIT";
            });
        }
        return String.join(",", tests);
    }
}

package dev.rustengineer.upgrade;

import dev.rustengineer.UsageException;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.generate.BaseArchive;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.GeneratorVersion;
import dev.rustengineer.generate.ProjectRecord;
import dev.rustengineer.generate.TemplateSets;
import dev.rustengineer.knowledge.CrateCatalogue;
import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.VerificationReport;
import dev.rustengineer.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * `upgrade`: regenerate a project's recorded blueprint with this generator and merge the difference into the
 * user's files, three ways per file (base: generated then, ours: the user's tree, theirs: generated now). The whole
 * plan is computed in memory first; then it is shown (--dry-run), proven on a copy (--verify), or applied all at once.
 */
public final class Upgrader {
    /** Proves a project with cargo (the verify pipeline). */
    @FunctionalInterface
    public interface Prover {
        VerificationReport verify(Path project, VerifyOptions options, ProgressListener listener);
    }

    private final TemplateSets sets;
    private final CrateCatalogue catalogue;
    private final Function<Blueprint, GeneratedProject> generate;
    private final Prover prover;

    /** @param generate renders and formats a blueprint exactly as `new` writes it */
    public Upgrader(TemplateSets sets, CrateCatalogue catalogue, Function<Blueprint, GeneratedProject> generate, Prover prover) {
        this.sets = sets;
        this.catalogue = catalogue;
        this.generate = generate;
        this.prover = prover;
    }

    /**
     * @param planned hears the plan as soon as it is known (before --verify's cargo runs), unless it is up to date
     * @param listener hears --verify's cargo steps
     */
    public UpgradeOutcome upgrade(UpgradeRequest request, Consumer<UpgradePlan> planned, ProgressListener listener) {
        RecordedProject project = RecordedProject.read(request.dir(), catalogue);
        if (!request.dryRun() && !request.allowDirty()) {
            GitGuard.refuseDirty(project.dir());
        }
        UpgradePlan plan = plan(project, request.change());
        if (plan.upToDate()) {
            return new UpgradeOutcome.UpToDate(plan);
        }
        planned.accept(plan);
        if (request.dryRun()) {
            return new UpgradeOutcome.DryRun(plan);
        }
        VerificationReport proof = null;
        if (request.verify() != null) {
            if (!plan.conflicts().isEmpty()) {
                return new UpgradeOutcome.NotWritten(plan, plan.conflicts().size() + " file(s) need you (conflicts), so the "
                        + "upgrade cannot be proven; run upgrade without --verify to write it with the conflict markers", null);
            }
            ScratchProof.Result r = ScratchProof.run(plan, request.verify(), listener, prover);
            proof = r.report();
            if (!proof.passed()) {
                return new UpgradeOutcome.NotWritten(plan, "cargo did not pass on the upgraded project", proof);
            }
            plan = r.plan();
        }
        ProjectTransaction.apply(project.dir(), plan.writes(), plan.deletes());
        return new UpgradeOutcome.Written(plan, proof);
    }

    /** The plan for a project directory, with nothing checked beyond the record (for doors that only show it). */
    public UpgradePlan plan(Path dir, BlueprintChange change) {
        return plan(RecordedProject.read(dir, catalogue), change);
    }

    private UpgradePlan plan(RecordedProject project, BlueprintChange change) {
        Blueprint recorded = project.record().blueprint();
        Blueprint target = change.applyTo(recorded, sets.offer(recorded.template()).orElseThrow(() -> new UsageException(
                "the project was generated from template set " + recorded.template() + ", which this rust-engineer "
                        + GeneratorVersion.current() + " does not have (it has " + String.join(", ", sets.ids()) + ")")), sets.offers());
        GeneratedProject now = generate.apply(target);
        SortedMap<String, byte[]> theirs = new TreeMap<>();
        now.files().forEach((path, text) -> {
            if (!path.startsWith(ProjectRecord.DIR + "/")) {
                theirs.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        String label = "rust-engineer " + GeneratorVersion.current();
        var changes = FileMerger.plan(project.base(), project.dir(), theirs, label);
        byte[] record = now.files().get(ProjectRecord.PATH).getBytes(StandardCharsets.UTF_8);
        byte[] base = BaseArchive.of(now);
        boolean recordChanged = !same(project.dir().resolve(ProjectRecord.PATH), record)
                || !same(project.dir().resolve(BaseArchive.PATH), base);
        return new UpgradePlan(project.dir(), project.record(), target, GeneratorVersion.current(), changes, record, base,
                recordChanged);
    }

    private static boolean same(Path file, byte[] bytes) {
        try {
            return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

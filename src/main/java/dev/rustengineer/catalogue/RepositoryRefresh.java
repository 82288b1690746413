package dev.rustengineer.catalogue;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.generate.CargoLock;
import dev.rustengineer.generate.Combination;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.GoldenText;
import dev.rustengineer.generate.ProjectGenerator;
import dev.rustengineer.generate.ProjectRecord;
import dev.rustengineer.generate.TemplateSource;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * `catalogue refresh` in rust-engineer's repository: proposes the new versions, writes them into the
 * repository's crates.yaml, regenerates every combination's golden file with them, and finds what they change,
 * so the maintainers know which template sets to prove again and which recorded locks to record again.
 *
 * <p>The golden files are rendered the way GeneratorTest renders them (the same {@link Combination}s, the same
 * formatted generation, the same {@link GoldenText}), by a generator loaded with the new catalogue: the
 * repository's crates.yaml as rewritten, the other knowledge and the templates as bundled (the launcher rebuilds
 * the jar from the repository's sources). Everything is rendered before anything is written, so a version the
 * templates cannot take (a manifest that no longer validates) leaves the repository as it was.
 */
public final class RepositoryRefresh {
    private RepositoryRefresh() {}

    /**
     * @param index a crate's releases by name (the sparse index, or a fake one in tests)
     * @param breaking also move crates to releases outside the pinned version's caret range
     * @param write false for a dry run: report everything, write nothing
     * @param today the date to record as the catalogue's {@code checked}
     */
    public static RefreshReport run(Repository repo, Function<String, List<Release>> index, boolean breaking, boolean write, String today) {
        return run(repo, index, breaking, write, today, Set.of(), null);
    }

    /**
     * @param hold crates whose pin stays as it is whatever the index offers (a move cargo cannot resolve with the
     *     rest, found by a previous run)
     * @param recorder records the locks the new versions leave stale (before the golden files are rendered, since
     *     their record names the lock's digest); null to only name them
     */
    public static RefreshReport run(Repository repo, Function<String, List<Release>> index, boolean breaking, boolean write, String today,
            Set<String> hold, LockRecorder recorder) {
        String yaml = Repository.read(repo.catalogue());
        RustEngineer before = generator(yaml);
        List<Proposal> proposals = CatalogueRefresh.propose(before.knowledge().crates(), before.templates(), index);
        Map<String, String> versions = new LinkedHashMap<>();
        for (String crate : hold) {
            if (!before.knowledge().crates().crates().containsKey(crate)) {
                throw new UsageException("--hold " + crate + ": the catalogue has no such crate");
            }
        }
        for (Proposal p : proposals) {
            if (hold.contains(p.crate())) {
                continue;
            }
            if (p.change() == Proposal.Change.COMPATIBLE || p.change() == Proposal.Change.BREAKING && breaking) {
                versions.put(p.crate(), p.proposed());
            }
        }
        String updated = versions.isEmpty() ? yaml : CatalogueFile.rewrite(yaml, versions, today);
        RustEngineer after = versions.isEmpty() ? before : generator(updated);

        List<RefreshReport.CombinationChange> combinations = new ArrayList<>();
        List<StaleLock> stale = new ArrayList<>();
        Map<Path, String> goldens = new LinkedHashMap<>();
        // The checkout's locks, and those recorded here: generation reads these, not the bundled ones.
        Map<String, String> recorded = new LinkedHashMap<>();
        Function<String, Optional<String>> locks = key -> recorded.containsKey(key) ? Optional.of(recorded.get(key)) : repo.lock(key);
        ProjectGenerator then = new ProjectGenerator(before.templates(), TemplateSource.bundled(), repo::lock);
        ProjectGenerator generator = new ProjectGenerator(after.templates(), TemplateSource.bundled(), locks);
        for (Combination c : Combination.all(after.offers())) {
            GeneratedProject old = then.generate(blueprint(before, c, c.name()));
            GeneratedProject now = generator.generate(blueprint(after, c, c.name()));
            List<StaleLock> staleHere = repo.lock(c.id()).map(lock -> LockCheck.stale(c.id(), now, lock, versions)).orElse(List.of());
            stale.addAll(staleHere);
            if (recorder != null && !staleHere.isEmpty()) {
                GeneratedProject base = after.writer().formattedAsWritten(generator.generate(blueprint(after, c, CargoLock.BASE_NAME)));
                String lock = recorder.record(c, base);
                List<StaleLock> still = LockCheck.stale(c.id(), now, lock, versions);
                if (!still.isEmpty()) {
                    throw new UsageException("cargo resolved " + c.id() + " with " + still.getFirst().crate() + " "
                            + still.getFirst().locked() + ", outside ^" + still.getFirst().pinned() + "; nothing was written");
                }
                recorded.put(c.id(), lock);
            }
            GeneratedProject rendered = recorded.containsKey(c.id()) ? generator.generate(blueprint(after, c, c.name())) : now;
            String golden = GoldenText.of(after.writer().formattedAsWritten(rendered));
            Path goldenFile = repo.golden(c.id());
            boolean rewrite = !Files.isRegularFile(goldenFile) || !Repository.read(goldenFile).equals(golden);
            if (rewrite) {
                goldens.put(goldenFile, golden);
            }
            combinations.add(new RefreshReport.CombinationChange(c, changedFiles(old, rendered),
                    repo.relative(goldenFile), rewrite));
        }
        if (write) {
            if (!versions.isEmpty()) {
                replace(repo.catalogue(), updated);
            }
            goldens.forEach(RepositoryRefresh::replace);
            recorded.forEach((id, lock) -> replace(repo.lockFile(id), lock));
        }
        return new RefreshReport(repo.relative(repo.catalogue()), proposals, versions, versions.isEmpty() ? null : today,
                combinations, stale, List.copyOf(recorded.keySet()), write);
    }

    /** A generator whose catalogue is {@code cratesYaml}, validated as at start-up (templates against it too). */
    private static RustEngineer generator(String cratesYaml) {
        byte[] catalogue = cratesYaml.getBytes(StandardCharsets.UTF_8);
        Function<String, InputStream> bundled = name -> KnowledgeLoader.class.getResourceAsStream("/knowledge/" + name);
        Knowledge knowledge = KnowledgeLoader.load(name -> name.equals("crates.yaml") ? new ByteArrayInputStream(catalogue) : bundled.apply(name));
        return new RustEngineer(knowledge);
    }

    private static Blueprint blueprint(RustEngineer re, Combination c, String projectName) {
        Plan plan = re.plan(re.readText(c.brief()), c.options(projectName));
        if (plan instanceof Plan.Generate g) {
            return g.blueprint();
        }
        throw new IllegalStateException("the offered combination " + c.id() + " is not generated from its brief: " + plan);
    }

    /** The files that differ, are added or are gone, the record aside (its catalogue revision names every pin). */
    static List<String> changedFiles(GeneratedProject old, GeneratedProject now) {
        TreeSet<String> paths = new TreeSet<>(old.files().keySet());
        paths.addAll(now.files().keySet());
        return paths.stream().filter(p -> !p.startsWith(ProjectRecord.DIR + "/"))
                .filter(p -> !Objects.equals(old.files().get(p), now.files().get(p))).toList();
    }

    /** Written beside the file and moved over it, so that a failure leaves it as it was. */
    private static void replace(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".refresh-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}

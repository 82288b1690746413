package dev.rustengineer.catalogue;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.generate.Combination;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.GoldenText;
import dev.rustengineer.generate.ProjectRecord;
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
        String yaml = Repository.read(repo.catalogue());
        RustEngineer before = generator(yaml);
        List<Proposal> proposals = CatalogueRefresh.propose(before.knowledge().crates(), before.templates(), index);
        Map<String, String> versions = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p.change() == Proposal.Change.COMPATIBLE || p.change() == Proposal.Change.BREAKING && breaking) {
                versions.put(p.crate(), p.proposed());
            }
        }
        String updated = versions.isEmpty() ? yaml : CatalogueFile.rewrite(yaml, versions, today);
        RustEngineer after = versions.isEmpty() ? before : generator(updated);

        List<RefreshReport.CombinationChange> combinations = new ArrayList<>();
        List<StaleLock> stale = new ArrayList<>();
        Map<Path, String> goldens = new LinkedHashMap<>();
        for (Combination c : Combination.all(after.offers())) {
            GeneratedProject old = before.generate(blueprint(before, c));
            GeneratedProject now = after.generate(blueprint(after, c));
            String golden = GoldenText.of(after.writer().formattedAsWritten(now));
            Path goldenFile = repo.golden(c.id());
            boolean rewrite = !Files.isRegularFile(goldenFile) || !Repository.read(goldenFile).equals(golden);
            if (rewrite) {
                goldens.put(goldenFile, golden);
            }
            combinations.add(new RefreshReport.CombinationChange(c, changedFiles(old, now),
                    repo.relative(goldenFile), rewrite));
            repo.lock(c.id()).ifPresent(lock -> stale.addAll(LockCheck.stale(c.id(), now, lock, versions)));
        }
        if (write) {
            if (!versions.isEmpty()) {
                replace(repo.catalogue(), updated);
            }
            goldens.forEach(RepositoryRefresh::replace);
        }
        return new RefreshReport(repo.relative(repo.catalogue()), proposals, versions, versions.isEmpty() ? null : today,
                combinations, stale, write);
    }

    /** A generator whose catalogue is {@code cratesYaml}, validated as at start-up (templates against it too). */
    private static RustEngineer generator(String cratesYaml) {
        byte[] catalogue = cratesYaml.getBytes(StandardCharsets.UTF_8);
        Function<String, InputStream> bundled = name -> KnowledgeLoader.class.getResourceAsStream("/knowledge/" + name);
        Knowledge knowledge = KnowledgeLoader.load(name -> name.equals("crates.yaml") ? new ByteArrayInputStream(catalogue) : bundled.apply(name));
        return new RustEngineer(knowledge);
    }

    private static Blueprint blueprint(RustEngineer re, Combination c) {
        Plan plan = re.plan(re.readText(c.brief()), c.options(c.name()));
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

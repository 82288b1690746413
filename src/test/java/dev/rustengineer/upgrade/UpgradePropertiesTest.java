package dev.rustengineer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.ProjectRecord;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.generate.Projects;
import dev.rustengineer.verify.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random edit scripts on a generated tree: upgrading with an unchanged generator changes nothing, and upgrading
 * from an older generator loses no line the user wrote (it is in the merged file, between conflict markers at
 * worst, and then the file is listed). Cargo.toml and Cargo.lock are left out of the random edits: they are merged
 * by key and by cargo, which CargoTomlMergeTest and UpgradeTest cover. Every try draws a template set too (its
 * first combination), so the scripts run over every set's tree, each generated once.
 */
class UpgradePropertiesTest {
    private static final RustEngineer RE = RustEngineer.shared();
    private static final Set<String> NOT_EDITED = Set.of("Cargo.toml", "Cargo.lock");
    /** The files OlderGenerator wrote differently from the current generator. */
    private static final Set<String> CHANGED_BY_GENERATOR = Set.of("README.md", "src/lib.rs", ".gitignore", ".github/workflows/ci.yml");
    private static Path fixtures;
    private static Upgrader upgrader;
    /** Per set: its first combination as the current generator writes it, and as the older one did. */
    private static final Map<String, Trees> TREES = new ConcurrentHashMap<>();

    private record Trees(Path current, Path older) {}

    @BeforeContainer
    static void writeProjects() throws IOException {
        fixtures = Files.createTempDirectory("upgrade-props-");
        // The generator's output for a blueprint, rendered and formatted once (it is a pure function of it).
        Map<Blueprint, GeneratedProject> generated = new ConcurrentHashMap<>();
        upgrader = new Upgrader(RE.templates(), RE.knowledge().crates(),
                bp -> generated.computeIfAbsent(bp, x -> RE.writer().formatted(RE.generate(x))), RE::verify);
    }

    /** The set's trees, written on the first try that draws it. */
    private static Trees trees(String set) {
        return TREES.computeIfAbsent(set, s -> {
            Blueprint b = Projects.variants().stream().filter(v -> v.offer().set().equals(s)).findFirst().orElseThrow().blueprint();
            Path current = fixtures.resolve("current").resolve(s).resolve(b.name().name());
            Path older = fixtures.resolve("older").resolve(s).resolve(b.name().name());
            try {
                RE.writer().toDirectory(RE.generate(b), current, false);
                OlderGenerator.write(b, older);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Trees(current, older);
        });
    }

    @Provide
    Arbitrary<String> sets() {
        return Arbitraries.of(RE.templates().ids());
    }

    @AfterContainer
    static void removeProjects() throws IOException {
        ProjectWriter.deleteTree(fixtures);
    }

    /**
     * One edit: in the file at {@code file} (modulo the number of files), at line {@code line} (modulo its length);
     * half the edits go to the files the newer generator changes, where merging is at stake.
     */
    record Edit(Kind kind, boolean changedByGenerator, int file, int line, int token) {
        enum Kind { INSERT, REPLACE, DELETE_LINE, APPEND, DELETE_FILE }
    }

    @Provide
    Arbitrary<List<Edit>> scripts() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.frequency(Tuple.of(4, Edit.Kind.INSERT), Tuple.of(4, Edit.Kind.REPLACE),
                        Tuple.of(4, Edit.Kind.DELETE_LINE), Tuple.of(4, Edit.Kind.APPEND), Tuple.of(1, Edit.Kind.DELETE_FILE)),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 1_000_000)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 100)
    void upgradingWithAnUnchangedGeneratorChangesNothing(@ForAll("sets") String set, @ForAll("scripts") List<Edit> script)
            throws IOException {
        Statistics.label("set").collect(set);
        Path dir = copy(trees(set).current());
        try {
            apply(dir, script);
            Map<String, String> before = snapshot(dir);
            UpgradeOutcome outcome = upgrader.upgrade(new UpgradeRequest(dir, BlueprintChange.none(), false, true, null), plan -> {},
                    ProgressListener.none());
            assertThat(outcome).isInstanceOf(UpgradeOutcome.UpToDate.class);
            assertThat(snapshot(dir)).isEqualTo(before);
        } finally {
            ProjectWriter.deleteTree(dir.getParent());
        }
    }

    @Property(tries = 100)
    void noLineTheUserWroteDisappears(@ForAll("sets") String set, @ForAll("scripts") List<Edit> script) throws IOException {
        Statistics.label("set").collect(set);
        Path older = trees(set).older();
        Path dir = copy(older);
        try {
            apply(dir, script);
            Map<String, String> edited = snapshot(dir);
            UpgradeOutcome outcome = upgrader.upgrade(new UpgradeRequest(dir, BlueprintChange.none(), false, true, null), plan -> {},
                    ProgressListener.none());
            List<String> conflicts = outcome.plan().conflicts().stream().map(FileChange::path).toList();
            Map<String, String> after = snapshot(dir);
            for (var f : edited.entrySet()) {
                for (String line : f.getValue().split("\n")) {
                    if (line.contains("user-edit-") && !conflicts.contains(f.getKey())) {
                        assertThat(after.get(f.getKey())).as("%s keeps the user's line %s", f.getKey(), line).contains(line);
                    }
                }
            }
            for (String path : new TreeMap<>(snapshot(older)).keySet()) {
                if (!edited.containsKey(path)) {
                    assertThat(after).as("a file the user deleted stays deleted").doesNotContainKey(path);
                }
            }
            assertThat(upgrader.upgrade(new UpgradeRequest(dir, BlueprintChange.none(), false, true, null), plan -> {}, ProgressListener.none()))
                    .as("a second upgrade has nothing to do").isInstanceOf(UpgradeOutcome.UpToDate.class);
        } finally {
            ProjectWriter.deleteTree(dir.getParent());
        }
    }

    private static void apply(Path dir, List<Edit> script) throws IOException {
        for (Edit e : script) {
            List<String> files = editable(dir).stream()
                    .filter(f -> !e.changedByGenerator() || CHANGED_BY_GENERATOR.contains(f)).toList();
            if (files.isEmpty()) {
                return;
            }
            Path file = dir.resolve(files.get(e.file() % files.size()));
            if (e.kind() == Edit.Kind.DELETE_FILE) {
                Files.delete(file);
                continue;
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            String mine = "user-edit-" + e.token();
            int at = lines.isEmpty() ? 0 : e.line() % lines.size();
            switch (e.kind()) {
                case INSERT -> lines.add(at, mine);
                case REPLACE -> {
                    if (lines.isEmpty()) {
                        lines.add(mine);
                    } else {
                        lines.set(at, mine);
                    }
                }
                case DELETE_LINE -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                case APPEND -> lines.add(mine);
                case DELETE_FILE -> throw new IllegalStateException("handled above");
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }

    /** The generated files a user may edit by line (not the record, the manifest or the lock). */
    private static List<String> editable(Path dir) throws IOException {
        return snapshot(dir).keySet().stream().filter(p -> !NOT_EDITED.contains(p) && !p.startsWith(ProjectRecord.DIR + "/"))
                .toList();
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'),
                    new String(read(p), StandardCharsets.ISO_8859_1)));
        }
        return files;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path project) throws IOException {
        Path to = Files.createTempDirectory(fixtures, "try-").resolve(project.getFileName());
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(project.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}

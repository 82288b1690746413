package dev.rustengineer.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.cli.Main;
import dev.rustengineer.generate.CargoLock;
import dev.rustengineer.generate.Projects;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semver4j.Semver;

/**
 * `catalogue refresh` against a local sparse index: every crate at its pinned version, and a newer release of a
 * few that is compatible (axum), breaking (clap), too new for the MSRV (tokio), yanked (serde) or a pre-release
 * (anyhow).
 */
class CatalogueRefreshTest {
    private static final RustEngineer RE = RustEngineer.shared();
    private static HttpServer server;
    private static URI index;
    private static final List<String> asked = new ArrayList<>();

    @BeforeAll
    static void serveTheIndex() throws Exception {
        Map<String, String> pinned = RE.knowledge().crates().crates().values().stream()
                .collect(Collectors.toMap(c -> c.name(), c -> c.version()));
        Map<String, String> newer = Map.of(
                "axum", line("axum", "0.8.99", false, "1.80"),
                "clap", line("clap", "5.0.0", false, null),
                "tokio", line("tokio", "1.99.0", false, "1.99"),
                "serde", line("serde", "1.0.999", true, null),
                "anyhow", line("anyhow", "1.1.0-rc.1", false, null));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            synchronized (asked) {
                asked.add(path);
            }
            String body = pinned.containsKey(name)
                    ? line(name, "0.0.1", false, null) + "\n" + line(name, pinned.get(name), false, null) + "\n" + newer.getOrDefault(name, "")
                    : "";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(pinned.containsKey(name) ? 200 : 404, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        index = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/index/");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String line(String name, String version, boolean yanked, String rust) {
        return "{\"name\": \"" + name + "\", \"vers\": \"" + version + "\", \"deps\": [], \"yanked\": " + yanked
                + (rust == null ? "" : ", \"rust_version\": \"" + rust + "\"") + "}";
    }

    @Test
    void proposesTheNewestUsableReleaseOfEveryCrate() {
        Map<String, Proposal> p = RE.refreshCatalogue(index).stream().collect(Collectors.toMap(Proposal::crate, x -> x));
        assertThat(p).hasSize(RE.knowledge().crates().crates().size());
        assertThat(p.get("axum")).satisfies(a -> {
            assertThat(a.proposed()).isEqualTo("0.8.99");
            assertThat(a.change()).isEqualTo(Proposal.Change.COMPATIBLE);
            assertThat(a.sets()).contains("axum-service").doesNotContain("cli-tool");
        });
        assertThat(p.get("clap").change()).isEqualTo(Proposal.Change.BREAKING);
        assertThat(p.get("clap").proposed()).isEqualTo("5.0.0");
        assertThat(p.get("tokio").change()).isEqualTo(Proposal.Change.NONE);
        assertThat(p.get("tokio").heldBack()).isEqualTo("1.99.0 (needs Rust 1.99.0)");
        assertThat(p.get("serde").change()).as("yanked").isEqualTo(Proposal.Change.NONE);
        assertThat(p.get("anyhow").change()).as("a pre-release").isEqualTo(Proposal.Change.NONE);
        assertThat(asked).contains("/index/ax/um/axum", "/index/2/cc");
    }

    @Test
    void theCatalogueIsRewrittenInPlaceKeepingItsComments() throws Exception {
        String yaml = """
                # pinned on the day checked
                checked: 2026-11-24
                crates:
                  - {name: axum, version: 0.8.9, why: "the web framework"}
                  # a comment about clap
                  - {name: clap, version: 4.6.9, why: "the command line"}
                """;
        assertThat(CatalogueFile.rewrite(yaml, Map.of("axum", "0.8.99"), "2026-12-07"))
                .isEqualTo(yaml.replace("0.8.9,", "0.8.99,").replace("2026-11-24", "2026-12-07"));
        assertThatThrownBy(() -> CatalogueFile.rewrite(yaml, Map.of("tokio", "1.0.0"), "x")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A checkout of the repository as far as `catalogue refresh` reads and writes it: the pom, the catalogue, the
     * golden files and the recorded locks, copied from this one.
     */
    static Path repository(Path dir) throws Exception {
        Files.copy(Path.of("pom.xml"), dir.resolve("pom.xml"));
        for (String tree : List.of(Repository.CATALOGUE, Repository.GOLDEN, Repository.LOCKS)) {
            Path from = Path.of(tree);
            try (var files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = dir.resolve(tree).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
        return dir;
    }

    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return files;
    }

    /** A fake index: every crate at its pinned version, and {@code moved} at a newer one. */
    private static Function<String, List<Release>> indexMoving(Map<String, String> moved) {
        return name -> {
            List<Release> releases = new ArrayList<>(List.of(new Release(Semver.parse(RE.knowledge().crates().version(name)), false, null)));
            if (moved.containsKey(name)) {
                releases.add(new Release(Semver.parse(moved.get(name)), false, null));
            }
            return releases;
        };
    }

    /**
     * A compatible move of grep-searcher (which only some sets pin): the catalogue gets the version, the golden
     * files of exactly those sets' combinations are rewritten (their Cargo.toml reads the new version), every
     * other golden file is left byte for byte, those sets are the ones to prove again, and their recorded locks,
     * which resolved the old release, are named as stale. A dry run reports the same and writes nothing.
     */
    @Test
    void aVersionMoveRewritesTheGoldenFilesOfTheSetsItTouchesAndNoOthers(@TempDir Path dir) throws Exception {
        String crate = "grep-searcher";
        String pinned = RE.knowledge().crates().version(crate);
        String newer = Semver.parse(pinned).withIncPatch(80).getVersion();
        List<String> users = RE.templates().ids().stream()
                .filter(id -> RE.templates().get(id).crates().stream().anyMatch(c -> c.name().equals(crate))).toList();
        assertThat(users).as("sets pinning %s", crate).isNotEmpty().hasSizeLessThan(RE.templates().ids().size());
        Repository repo = Repository.at(repository(dir));
        Map<String, String> before = snapshot(dir);

        RefreshReport dry = RepositoryRefresh.run(repo, indexMoving(Map.of(crate, newer)), false, false, "2026-12-07");
        assertThat(snapshot(dir)).as("a dry run writes nothing").isEqualTo(before);
        assertThat(dry.written()).isFalse();

        RefreshReport r = RepositoryRefresh.run(repo, indexMoving(Map.of(crate, newer)), false, true, "2026-12-07");
        assertThat(r.versions()).isEqualTo(Map.of(crate, newer));
        assertThat(r.setsToProve()).isEqualTo(dry.setsToProve()).containsExactlyElementsOf(users);
        List<String> touched = r.combinations().stream().filter(c -> users.contains(c.set())).map(c -> c.golden()).toList();
        assertThat(r.goldensRewritten()).isEqualTo(dry.goldensRewritten()).containsExactlyInAnyOrderElementsOf(touched);
        r.combinations().forEach(c -> assertThat(c.changedFiles()).as(c.id())
                .isEqualTo(users.contains(c.set()) ? List.of("Cargo.toml") : List.of()));

        Map<String, String> after = snapshot(dir);
        for (var f : before.entrySet()) {
            boolean rewritten = f.getKey().equals(Repository.CATALOGUE) || touched.contains(f.getKey());
            assertThat(after.get(f.getKey()).equals(f.getValue())).as("%s rewritten", f.getKey()).isEqualTo(!rewritten);
        }
        assertThat(after.get(Repository.CATALOGUE)).contains("{name: " + crate + ", version: " + newer + ",").contains("checked: 2026-12-07");
        for (String golden : touched) {
            assertThat(after.get(golden)).contains(crate + " = \"" + newer + "\"").doesNotContain(crate + " = \"" + pinned + "\"");
        }
        // What was written is what GeneratorTest compares: rendered by the same generator with the new catalogue.
        assertThat(RepositoryRefresh.run(repo, indexMoving(Map.of()), false, false, "2026-12-08").goldensRewritten())
                .as("a second refresh finds the golden files current").isEmpty();

        assertThat(r.staleLocks()).extracting(StaleLock::combination).containsExactlyInAnyOrderElementsOf(
                r.combinations().stream().filter(c -> users.contains(c.set())).map(c -> c.id()).toList());
        assertThat(r.staleLocks()).allSatisfy(l -> {
            assertThat(l.crate()).isEqualTo(crate);
            assertThat(l.locked()).isEqualTo(pinned);
            assertThat(l.pinned()).isEqualTo(newer);
        });
    }

    /**
     * With a lock recorder (cargo in production, a fake here), the stale locks are recorded again before the
     * golden files are rendered: the checkout's locks are rewritten, the golden files name the new locks (a
     * second refresh finds them current), and a recorder whose lock is still stale writes nothing.
     */
    @Test
    void recordedLocksAreWrittenBeforeTheGoldenFilesAreRendered(@TempDir Path dir) throws Exception {
        String crate = "grep-searcher";
        String pinned = RE.knowledge().crates().version(crate);
        String newer = Semver.parse(pinned).withIncPatch(80).getVersion();
        Repository repo = Repository.at(repository(dir));
        Map<String, String> before = snapshot(dir);
        List<String> asked = new ArrayList<>();
        LockRecorder stillOld = (c, project) -> repo.lock(c.id()).orElseThrow();
        assertThatThrownBy(() -> RepositoryRefresh.run(repo, indexMoving(Map.of(crate, newer)), false, true, "2026-12-07", Set.of(), stillOld))
                .isInstanceOf(UsageException.class).hasMessageContaining("nothing was written");
        assertThat(snapshot(dir)).isEqualTo(before);

        LockRecorder fake = (c, project) -> {
            asked.add(c.id());
            assertThat(project.files().get("Cargo.toml")).contains("name = \"" + CargoLock.BASE_NAME + "\"").contains(crate + " = \"" + newer + "\"");
            return repo.lock(c.id()).orElseThrow().replace("name = \"" + crate + "\"\nversion = \"" + pinned + "\"",
                    "name = \"" + crate + "\"\nversion = \"" + newer + "\"");
        };
        assertThat(RepositoryRefresh.run(repo, indexMoving(Map.of(crate, newer)), false, false, "2026-12-07", Set.of(crate), fake).versions())
                .as("a held crate keeps its pin").isEmpty();
        assertThatThrownBy(() -> RepositoryRefresh.run(repo, indexMoving(Map.of()), false, false, "x", Set.of("no-such-crate"), null))
                .isInstanceOf(UsageException.class).hasMessage("--hold no-such-crate: the catalogue has no such crate");
        RefreshReport r = RepositoryRefresh.run(repo, indexMoving(Map.of(crate, newer)), false, true, "2026-12-07", Set.of(), fake);
        List<String> stale = r.staleLocks().stream().map(StaleLock::combination).toList();
        assertThat(stale).isNotEmpty();
        assertThat(r.recordedLocks()).isEqualTo(asked).containsExactlyInAnyOrderElementsOf(stale);
        for (String id : stale) {
            assertThat(Files.readString(repo.lockFile(id))).contains("name = \"" + crate + "\"\nversion = \"" + newer + "\"");
            assertThat(r.combinations()).filteredOn(c -> c.id().equals(id)).singleElement()
                    .satisfies(c -> assertThat(c.changedFiles()).containsExactly("Cargo.lock", "Cargo.toml"));
        }
        RefreshReport again = RepositoryRefresh.run(repo, indexMoving(Map.of()), false, false, "2026-12-08", Set.of(), fake);
        assertThat(again.goldensRewritten()).as("the golden files name the recorded locks").isEmpty();
        assertThat(again.staleLocks()).isEmpty();
    }

    @Test
    void aLockThatAlreadyHoldsTheNewReleaseIsNotStale() {
        var project = RE.generate(Projects.variants().stream().filter(v -> v.id().equals("cli-tool")).findFirst().orElseThrow().blueprint());
        String lock = project.files().get("Cargo.lock");
        String pinned = RE.knowledge().crates().version("grep-searcher");
        assertThat(LockCheck.stale("cli-tool", project, lock, Map.of("grep-searcher", pinned))).isEmpty();
        assertThat(LockCheck.stale("cli-tool", project, lock, Map.of("grep-searcher", "9.0.0"))).singleElement()
                .isEqualTo(new StaleLock("cli-tool", "grep-searcher", pinned, "9.0.0"));
        // A crate the project does not declare does not make its lock stale, whatever the lock holds of it.
        assertThat(LockCheck.stale("cli-tool", project, lock, Map.of("axum", "9.0.0"))).isEmpty();
    }

    /** Target tables and a workspace's pins count as declared (the Windows crate, the FFI wrapper's members). */
    @Test
    void declaredCratesIncludeTargetTablesAndWorkspacePins() {
        for (String set : List.of("ffi-windows", "ffi-wrapper")) {
            var blueprint = Projects.variants().stream().filter(v -> v.offer().set().equals(set)).findFirst().orElseThrow().blueprint();
            var declared = LockCheck.declared(RE.generate(blueprint));
            RE.templates().get(set).crates().stream().filter(c -> c.when().isEmpty())
                    .forEach(c -> assertThat(declared).as(set).contains(c.name()));
            if (set.equals("ffi-windows")) {
                assertThat(declared).contains("windows");
            }
        }
    }

    @Test
    void theCommandRefusesOutsideTheRepositoryInOneLine(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"catalogue", "refresh", "--repo", dir.toString()},
                new String[] {"catalogue", "refresh", "--repo", dir.resolve("missing").toString(), "--dry-run"})) {
            var err = new ByteArrayOutputStream();
            int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(2);
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message.lines()).hasSize(1);
            assertThat(message).startsWith("rust-engineer: " + args[3] + " is not a checkout of rust-engineer (");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theCommandWritesTheCompatibleProposalsAndNamesTheSetsToProve(@TempDir Path dir) throws Exception {
        Path repo = repository(dir);
        Path catalogue = repo.resolve(Repository.CATALOGUE);
        String before = Files.readString(catalogue);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"catalogue", "refresh", "--index", index.toString(), "--repo", repo.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> axumSets = RE.templates().ids().stream()
                .filter(id -> RE.templates().get(id).crates().stream().anyMatch(c -> c.name().equals("axum"))).toList();
        assertThat(text).contains("Wrote 1 version(s) into " + Repository.CATALOGUE + " (checked: ")
                .contains("Template sets to prove again: " + String.join(", ", axumSets) + ".")
                .contains("(moved only with --breaking)").containsPattern("tokio +\\S+ +\\S+ +none +1\\.99\\.0 \\(needs Rust 1\\.99\\.0\\)")
                .contains("-Dtest=CargoLockTest -Dlocks.update=true -Dit.variants=axum-service")
                .contains("-Dit.test='GeneratedServiceIT,GeneratedWebSocketIT' -Dit.variants=axum-service");
        String after = Files.readString(catalogue);
        assertThat(after).contains("{name: axum, version: 0.8.99,").contains("{name: clap, version: " + RE.knowledge().crates().version("clap") + ",");
        assertThat(after.lines().count()).isEqualTo(before.lines().count());
        assertThat(Files.readString(repo.resolve(Repository.GOLDEN).resolve("axum-service-sqlite-sqlx.txt"))).contains("axum = { version = \"0.8.99\"");
        assertThat(Files.readString(repo.resolve(Repository.GOLDEN).resolve("cli-tool.txt")))
                .isEqualTo(Files.readString(Path.of(Repository.GOLDEN).resolve("cli-tool.txt")));

        var bad = new ByteArrayOutputStream();
        int refused = Main.run(new String[] {"catalogue", "refresh", "--index", "http://127.0.0.1:1/", "--repo", repo.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(bad, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(bad.toString(StandardCharsets.UTF_8)).startsWith("rust-engineer: cannot reach the crates index at http://127.0.0.1:1/");
    }

    @Test
    void theIndexPathIsCargos() {
        assertThat(SparseIndex.path("a")).isEqualTo("1/a");
        assertThat(SparseIndex.path("cc")).isEqualTo("2/cc");
        assertThat(SparseIndex.path("cxx")).isEqualTo("3/c/cxx");
        assertThat(SparseIndex.path("Serde_JSON")).isEqualTo("se/rd/serde_json");
        assertThatThrownBy(() -> new SparseIndex(index).releases("no-such-crate")).isInstanceOf(UsageException.class)
                .hasMessageContaining("answered 404");
    }
}

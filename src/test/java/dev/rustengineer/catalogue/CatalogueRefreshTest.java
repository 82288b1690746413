package dev.rustengineer.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.cli.Main;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theCommandWritesTheCompatibleProposalsAndNamesTheSetsToProve(@TempDir Path dir) throws Exception {
        Path catalogue = dir.resolve("crates.yaml");
        Files.copy(Path.of("src/main/resources/knowledge/crates.yaml"), catalogue);
        String before = Files.readString(catalogue);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"catalogue", "refresh", "--index", index.toString(), "--write", catalogue.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote 1 version(s)")
                .contains("Prove again the template sets that declare them: axum-service")
                .contains("(written only with --breaking)").containsPattern("tokio +\\S+ +\\S+ +none +1\\.99\\.0 \\(needs Rust 1\\.99\\.0\\)");
        String after = Files.readString(catalogue);
        assertThat(after).contains("{name: axum, version: 0.8.99,").contains("{name: clap, version: " + RE.knowledge().crates().version("clap") + ",");
        assertThat(after.lines().count()).isEqualTo(before.lines().count());

        var bad = new ByteArrayOutputStream();
        int refused = Main.run(new String[] {"catalogue", "refresh", "--index", "http://127.0.0.1:1/"},
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

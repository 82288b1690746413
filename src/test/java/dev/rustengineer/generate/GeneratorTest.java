package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the generated projects, determinism, and the template engine's strictness. Regenerate the
 * golden files after a template change with {@code mvn test -Dtest=GeneratorTest -Dgolden.update=true}, then
 * read the diff.
 */
class GeneratorTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Projects.Variant> variants() {
        return Projects.variants().stream();
    }

    /** One golden file per offered combination: src/test/resources/golden/SET[-DB-LAYER][+FEATURE].txt. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generatedFilesMatchTheGoldenFiles(Projects.Variant variant) throws Exception {
        String actual = GoldenText.of(Projects.formatted(variant.blueprint()));
        Path golden = GOLDEN.resolve(variant.id() + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file of %s (regenerate with -Dgolden.update=true)", variant).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenFileBelongsToAnOfferedCombination() throws Exception {
        var ids = Projects.variants().stream().map(v -> v.id() + ".txt").toList();
        try (var files = Files.list(GOLDEN)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(ids::contains);
        }
    }

    @Test
    void generatingTwiceGivesIdenticalFiles() {
        Blueprint b = Projects.blueprint("orders", "REST API for orders in Rust", null, null);
        assertThat(Projects.formatted(b)).isEqualTo(Projects.formatted(b));
        Blueprint again = Projects.blueprint("orders", "REST API for orders in Rust", null, null);
        assertThat(RustEngineer.shared().generate(again)).isEqualTo(RustEngineer.shared().generate(b));
    }

    @Test
    void cargoManifestIsValidTomlWithTheCataloguesVersions() throws Exception {
        var project = RustEngineer.shared().generate(Projects.blueprint("orders", "REST API for orders in Rust", "postgres", null));
        JsonNode toml = new TomlMapper().readTree(project.files().get("Cargo.toml"));
        assertThat(toml.at("/package/name").asText()).isEqualTo("orders");
        assertThat(toml.at("/package/edition").asText()).isEqualTo("2024");
        assertThat(toml.at("/lints/rust/unsafe_code").asText()).isEqualTo("forbid");
        var catalogue = RustEngineer.shared().knowledge().crates();
        assertThat(toml.at("/dependencies/axum/version").asText()).isEqualTo(catalogue.version("axum"));
        assertThat(toml.at("/dependencies/sqlx/features").toString()).contains("postgres").doesNotContain("sqlite");
        assertThat(toml.at("/package/rust-version").asText()).isEqualTo(catalogue.msrv());
    }

    /**
     * The manifest is the one record of what a generated project depends on: the Cargo.toml of every offered
     * combination declares exactly the crates its set's manifest lists for it (conditions applied), at the
     * catalogue's versions, with the manifest's default-features switch and features.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void cargoManifestDeclaresExactlyTheManifestsCrates(Projects.Variant variant) throws Exception {
        var blueprint = variant.blueprint();
        var project = RustEngineer.shared().generate(blueprint);
        JsonNode toml = new TomlMapper().readTree(project.files().get("Cargo.toml"));
        var catalogue = RustEngineer.shared().knowledge().crates().crates();
        var manifest = RustEngineer.shared().templates().get(blueprint.template());
        Map<String, java.util.Set<String>> expected = new java.util.TreeMap<>();
        for (var use : manifest.crates()) {
            boolean on = use.when().stream().allMatch(w -> w.equals(blueprint.db()) || w.equals(blueprint.dbLayer())
                    || blueprint.has(w));
            if (on) {
                // A crate's second entry adds its features to the first.
                expected.computeIfAbsent(use.table() + "/" + use.name(), k -> new java.util.TreeSet<>()).addAll(use.features().stream()
                        .map(f -> f.replace("{{db_feature}}", String.valueOf(blueprint.db()))).toList());
            }
        }
        Map<String, java.util.Set<String>> declared = new java.util.TreeMap<>();
        // A workspace (the FFI wrapper) pins versions once in the root's [workspace.dependencies] and its members
        // name them with `workspace = true`; the members' own path dependencies are not crates of the catalogue.
        JsonNode pins = toml.path("workspace").path("dependencies");
        for (var file : project.files().entrySet()) {
            if (!file.getKey().equals("Cargo.toml") && !file.getKey().endsWith("/Cargo.toml")) {
                continue;
            }
            JsonNode member = new TomlMapper().readTree(file.getValue());
            for (String table : java.util.List.of("dependencies", "dev-dependencies", "build-dependencies")) {
                member.path(table).properties().forEach(e -> {
                    String name = e.getKey();
                    JsonNode dep = e.getValue().path("workspace").asBoolean() ? pins.path(name) : e.getValue();
                    if (dep.has("path")) {
                        return;
                    }
                    var pinned = catalogue.get(name);
                    assertThat(pinned).as("%s is declared in %s but not in crates.yaml", name, file.getKey()).isNotNull();
                    String version = dep.isTextual() ? dep.asText() : dep.path("version").asText();
                    assertThat(version).as("version of %s", name).isEqualTo(pinned.version());
                    java.util.Set<String> features = declared.computeIfAbsent(table + "/" + name, k -> new java.util.TreeSet<>());
                    dep.path("features").forEach(f -> features.add(f.asText()));
                    e.getValue().path("features").forEach(f -> features.add(f.asText()));
                });
            }
        }
        assertThat(declared).isEqualTo(expected);
    }

    /** A `when` that lists several conditions switches its contributor or crate on only when all of them hold. */
    @Test
    void everyConditionOfAWhenMustHold() {
        var manifest = RustEngineer.shared().templates().get("axum-service");
        assertThat(manifest.contributors()).filteredOn(c -> c.id().equals("db-sqlite")).singleElement()
                .satisfies(c -> assertThat(c.when()).containsExactly("sqlite", "sqlx"));
        var sqlx = RustEngineer.shared().generate(Projects.plan("REST API for orders in Rust",
                new dev.rustengineer.blueprint.NewOptions("orders", null, null, "sqlite", "sqlx", java.util.List.of(), null, false))).files();
        var diesel = RustEngineer.shared().generate(Projects.plan("REST API for orders in Rust",
                new dev.rustengineer.blueprint.NewOptions("orders", null, null, "sqlite", "diesel", java.util.List.of(), null, false))).files();
        assertThat(sqlx).containsKey("migrations/0001_create_orders.sql").doesNotContainKey("diesel.toml");
        assertThat(sqlx.get("Cargo.toml")).contains("sqlx = ").doesNotContain("diesel");
        assertThat(diesel).containsKeys("diesel.toml", "src/schema.rs", "src/repo.rs",
                "migrations/2026-12-01-000000_create_orders/up.sql").doesNotContainKey("migrations/0001_create_orders.sql");
        assertThat(diesel.get("Cargo.toml")).contains("libsqlite3-sys = ").doesNotContain("sqlx").doesNotContain("postgres_backend");
        assertThat(diesel.get("tests/common/mod.rs")).isEqualTo(sqlx.get("tests/common/mod.rs"));
    }

    @Test
    void foreignTemplateSyntaxSurvives() {
        var files = RustEngineer.shared().generate(Projects.blueprint("orders", "REST API for orders in Rust", null, null)).files();
        assertThat(files.get(".github/workflows/ci.yml")).contains("key: ${{ runner.os }}-cargo-${{ hashFiles('Cargo.lock') }}")
                .doesNotContain("<%");
        assertThat(files.get("deploy/helm/orders/templates/deployment.yaml")).contains("replicas: {{ .Values.replicaCount }}")
                .startsWith("apiVersion");
        assertThat(files.get("deploy/helm/orders/values.yaml")).contains("repository: orders");
        assertThat(files.get("src/orders.rs")).contains("pub struct Order {").contains("pub async fn list_orders(");
    }

    @Test
    void undefinedPlaceholderIsAnError() {
        TemplateEngine engine = new TemplateEngine();
        assertThat(engine.render("t", "a {{x}} b {{#flag}}{{y.z}}{{/flag}}", Map.of("x", "<&>", "flag", true, "y", Map.of("z", "1"))))
                .isEqualTo("a <&> b 1");
        assertThatThrownBy(() -> engine.render("t", "hello {{nmae}}", Map.of("name", "x")))
                .hasMessageContaining("undefined placeholder 'nmae'");
        assertThatThrownBy(() -> engine.render("t", "{{#missing}}x{{/missing}}", Map.of()))
                .hasMessageContaining("undefined placeholder 'missing'");
    }
}

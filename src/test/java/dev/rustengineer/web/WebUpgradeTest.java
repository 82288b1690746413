package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.Projects;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.upgrade.OlderGenerator;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/upgrades over real HTTP: a project's archive in, the upgraded archive and the conflict list out. */
class WebUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = new WebServer(RustEngineer.shared(), new WebLimits(4 * 1024 * 1024, Duration.ofSeconds(60), 2, 1000, 8 << 20))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void anEditedArchiveComesBackUpgradedWithItsConflicts(@TempDir Path dir) throws Exception {
        var variant = Projects.variants().stream().filter(v -> v.offer().set().equals("cli-tool")).findFirst().orElseThrow();
        Path project = dir.resolve("orders");
        OlderGenerator.write(variant.blueprint(), project);
        Files.writeString(project.resolve(".gitignore"), Files.readString(project.resolve(".gitignore")).replaceFirst("^[^\n]*", "/mine"));
        Files.writeString(project.resolve("src/main.rs"), Files.readString(project.resolve("src/main.rs")) + "// the team's line\n");
        var archive = new ByteArrayOutputStream();
        ProjectWriter.zipTree(project, "orders/", archive);

        var dry = post("/api/upgrades?dry_run=true", "application/zip", archive.toByteArray());
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(dry.body());
        assertThat(plan.get("written").asBoolean()).isFalse();
        assertThat(plan.has("archive")).isFalse();
        assertThat(plan.get("diff").asText()).contains("-" + OlderGenerator.OLD_FOOTER);

        var r = post("/api/upgrades", "application/octet-stream", archive.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("written").asBoolean()).isTrue();
        assertThat(j.get("conflicts").toString()).isEqualTo("[\".gitignore\"]");
        Map<String, String> files = unzip(Base64.getDecoder().decode(j.get("archive").asText()));
        GeneratedProject current = OlderGenerator.current(variant.blueprint());
        assertThat(files.get("orders/README.md")).isEqualTo(current.files().get("README.md"));
        assertThat(files.get("orders/src/main.rs")).endsWith("// the team's line\n");
        assertThat(files.get("orders/.gitignore")).startsWith("<<<<<<< yours\n/mine\n=======\n");
        assertThat(files).containsKey("orders/clippy.toml").containsKey("orders/.rust-engineer/base.zip");
    }

    @Test
    void anotherWebFrameworkIsAQueryParameter(@TempDir Path dir) throws Exception {
        var variant = Projects.variants().stream().filter(v -> v.id().equals("axum-service-sqlite-sqlx")).findFirst().orElseThrow();
        var re = RustEngineer.shared();
        Path project = dir.resolve("orders");
        re.writer().toDirectory(re.generate(variant.blueprint()), project, false);
        var archive = new ByteArrayOutputStream();
        ProjectWriter.zipTree(project, "orders/", archive);

        var r = post("/api/upgrades?web=actix-web", "application/zip", archive.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> files = unzip(Base64.getDecoder().decode(JSON.readTree(r.body()).get("archive").asText()));
        assertThat(files.get("orders/Cargo.toml")).contains("actix-web = ").doesNotContain("axum = ");
        assertThat(files.get("orders/.rust-engineer/project.toml")).contains("template = \"actix-service\"");

        var refused = post("/api/upgrades?web=warp", "application/zip", archive.toByteArray());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("--web warp is not offered");
    }

    @Test
    void whatIsNoGeneratedProjectIsAProblem() throws Exception {
        var plain = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(plain)) {
            z.putNextEntry(new ZipEntry("src/lib.rs"));
            z.write("pub fn x() {}\n".getBytes(StandardCharsets.UTF_8));
        }
        var r = post("/api/upgrades", "application/zip", plain.toByteArray());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("holds no generated project");
        assertThat(post("/api/upgrades", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("/api/upgrades", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
        assertThat(post("/api/upgrades?with=Bad%20Value", "application/zip", plain.toByteArray()).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

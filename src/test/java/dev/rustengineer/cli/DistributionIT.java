package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: scripts/dist.sh builds the tarball from the jar `package` made, the test
 * unpacks it into a fresh folder and runs it with a PATH that holds no java and no mvn (only the few POSIX tools
 * its launcher uses), from a directory that is not the repository.
 */
class DistributionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static Path launcher;
    private static Path bin;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        Process dist = new ProcessBuilder("bash", "scripts/dist.sh", "--no-build").redirectErrorStream(true).start();
        dist.getOutputStream().close();
        String log = new String(dist.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dist.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(dist.exitValue()).as(log).isZero();
        String[] lines = log.strip().split("\n");
        Path tarball = Path.of(lines[lines.length - 1]).toAbsolutePath();
        assertThat(tarball.getFileName().toString()).isEqualTo("rust-engineer-" + Version.current() + "-linux-x64.tar.gz");
        Path unpacked = Files.createDirectories(root.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-C", unpacked.toString(), "-xzf", tarball.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        launcher = unpacked.resolve("rust-engineer-" + Version.current() + "-linux-x64/bin/rust-engineer");
        // Only what the launcher script itself calls; no java, no mvn, no cargo.
        bin = Files.createDirectories(root.resolve("bin"));
        for (String tool : List.of("sh", "readlink", "dirname")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        // And through a symbolic link, as a user who links it into ~/bin would run it.
        Files.createSymbolicLink(bin.resolve("rust-engineer"), launcher);
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("rust-engineer").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", root.toString());
        return pb;
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Process p = command(args).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void thePathHoldsNoJavaAndNoMaven() {
        assertThat(bin.resolve("java")).doesNotExist();
        assertThat(bin.resolve("mvn")).doesNotExist();
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Result r = run("--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("rust-engineer " + Version.current());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void adviseJson() throws Exception {
        Result r = run("advise", "--json", "A REST API for payments; p99 under 5 ms; data in PostgreSQL");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode advice = JSON.readTree(r.out());
        assertThat(advice.get("invoke").asBoolean()).isTrue();
        assertThat(advice.at("/stack/web").asText()).isEqualTo("axum");
    }

    @Test
    void newZipThenAuditSarif() throws Exception {
        Path zip = root.resolve("orders.zip");
        Result made = run("new", "orders", "--brief", "REST API for orders, p99 under 5 ms", "--zip", zip.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("Next: unzip " + zip);
        Path project = root.resolve("unzipped");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                Path to = project.resolve(e.getName()).normalize();
                assertThat(to.startsWith(project)).as(e.getName()).isTrue();
                if (!e.isDirectory()) {
                    Files.createDirectories(to.getParent());
                    Files.write(to, z.getInputStream(e).readAllBytes());
                }
            }
        }
        assertThat(project.resolve("orders/Cargo.toml")).exists();
        Result audit = run("audit", project.resolve("orders").toString(), "--format", "sarif");
        assertThat(audit.code()).as(audit.err()).isZero();
        JsonNode sarif = JSON.readTree(audit.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/tool/driver/version").asText()).isEqualTo(Version.current());
    }

    @Test
    void serveAnswersThenStopsCleanlyOnSigterm() throws Exception {
        Path errors = root.resolve("serve.err");
        Process serve = command("serve", "--port", "0").redirectError(errors.toFile()).start();
        serve.getOutputStream().close();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Matcher url = null;
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = Pattern.compile("serving on (http://\\S+/)").matcher(line);
                if (m.find()) {
                    url = m;
                    break;
                }
            }
            assertThat(url).as("serve printed its address").isNotNull();
            HttpResponse<String> metadata = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "api/metadata")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(metadata.body()).get("version").asText()).isEqualTo(Version.current());
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve exits after SIGTERM").isTrue();
            // 143 is the JVM's own exit after running its shutdown hooks on SIGTERM; anything else is a crash.
            assertThat(serve.exitValue()).isIn(0, 143);
            assertThat(Files.readString(errors)).doesNotContain("Exception");
        } finally {
            serve.destroyForcibly();
        }
    }
}

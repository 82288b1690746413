package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * schemathesis (from PyPI; scripts/setup.d/35-peer-tools.sh) against the real launcher's {@code serve} on a free
 * port, with every check and phase (stateful links included) at a fixed seed: zero failures. Its configuration and
 * hooks (src/test/resources/schemathesis) say which statuses mean what beyond the schema's reach and pack the audit's
 * generated bodies into archives.
 */
class WebApiFuzzIT {
    private static final Pattern LINKS = Pattern.compile("API Links:\\s+(\\d+) covered / (\\d+) selected / (\\d+) total");

    @Test
    void schemathesisFindsNothing() throws Exception {
        Path tools = Path.of(System.getenv().getOrDefault("RUST_ENGINEER_PEER_TOOLS",
                System.getProperty("user.home") + "/.cache/rust-engineer/peer-tools"));
        Path st = tools.resolve("bin/st");
        assertThat(st).as("schemathesis: run scripts/setup.d/35-peer-tools.sh").isExecutable();
        Process server = new ProcessBuilder(Path.of("rust-engineer").toAbsolutePath().toString(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String base = ServeOutput.baseUrl(server);
            Path config = Path.of("src/test/resources/schemathesis").toAbsolutePath();
            Path report = Files.createDirectories(Path.of("target/schemathesis").toAbsolutePath());
            var pb = new ProcessBuilder(List.of(st.toString(), "--config-file", config.resolve("schemathesis.toml").toString(),
                    "run", base + "/openapi.json", "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful",
                    "--seed", "20261207", "--max-examples", "50", "--workers", "1", "--report", "junit",
                    "--report-dir", report.toString()))
                    .directory(report.toFile()).redirectErrorStream(true);
            // Run in target/ so schemathesis' cache (.schemathesis/) stays out of the sources; the hooks are imported by name.
            pb.environment().put("PYTHONPATH", config.toString());
            pb.environment().put("SCHEMATHESIS_HOOKS", "hooks");
            pb.environment().put("NO_COLOR", "1");
            Process run = pb.start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(30, TimeUnit.MINUTES)).isTrue();
            Files.writeString(report.resolve("output.txt"), out);
            // schemathesis' own summary (from its SUMMARY rule to the end) and the stateful phase's counts, as it printed them.
            List<String> lines = out.lines().toList();
            int from = lines.stream().filter(l -> l.matches("=+ SUMMARY =+")).findFirst().map(lines::indexOf).orElse(0);
            lines.stream().filter(l -> l.strip().startsWith("Scenarios:") || l.strip().startsWith("API Links:"))
                    .forEach(l -> System.out.println("schemathesis: " + l.strip()));
            lines.subList(from, lines.size()).stream().filter(l -> !l.isBlank()).forEach(l -> System.out.println("schemathesis: " + l));
            String summary = lines.stream().filter(l -> l.matches("=+ .* =+")).reduce((a, b) -> b).orElse("");
            assertThat(run.exitValue()).as(out).isZero();
            assertThat(summary).as(out).doesNotContain("failure").doesNotContain("error");
            // The stateful phase ran over every link of the document (OpenApiDocument's links), not skipped for want of any.
            assertThat(lines.subList(from, lines.size())).as(out).anySatisfy(l -> assertThat(l.strip()).isEqualTo("✅ Stateful"));
            Matcher links = lines.stream().map(l -> LINKS.matcher(l.strip())).filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'API Links:' line from the stateful phase:\n" + out));
            assertThat(Integer.parseInt(links.group(3))).as("links in the document").isGreaterThanOrEqualTo(5);
            assertThat(links.group(1)).as("links followed").isEqualTo(links.group(3));
        } finally {
            // The launcher's JVM stops its server in a shutdown hook on SIGTERM.
            server.toHandle().descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
